import { TRPCError } from "@trpc/server";
import { z } from "zod";

/**
 * A BAD_REQUEST about one input field that only the server can judge (a weak password, a wrong
 * current password). Carried as a ZodError so the error formatter lists it in `issues`, exactly
 * like a schema failure, and the portal shows it beside the field. The error comes out of a parse
 * because a ZodError built with `new` is not an `Error` instance, and tRPC would wrap it away.
 */
export function fieldError(path: string, message: string): TRPCError {
  const failed = z
    .unknown()
    .superRefine((_value, check) => {
      check.addIssue({ code: "custom", path: [path], message });
    })
    .safeParse(undefined);
  return new TRPCError({ code: "BAD_REQUEST", message, cause: failed.error });
}
