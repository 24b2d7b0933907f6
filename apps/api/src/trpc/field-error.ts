import { TRPCError } from "@trpc/server";
import { z } from "zod";

/**
 * A BAD_REQUEST about one input field that only the server can judge (a weak password, a wrong
 * current password). Carried as a ZodError so the error formatter lists it in `issues`, exactly
 * like a schema failure, and the portal shows it beside the field. The error comes out of a parse
 * because a ZodError built with `new` is not an `Error` instance, and tRPC would wrap it away.
 * `code` is for refusals about a field that are not bad input (a slug already taken: CONFLICT).
 */
export function fieldError(path: string, message: string, code: "BAD_REQUEST" | "CONFLICT" = "BAD_REQUEST"): TRPCError {
  const failed = z
    .unknown()
    .superRefine((_value, check) => {
      check.addIssue({ code: "custom", path: [path], message });
    })
    .safeParse(undefined);
  return new TRPCError({ code, message, cause: failed.error });
}
