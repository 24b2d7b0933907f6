import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { OwnReason } from "../http/errors.ts";

type RefusalCode = "BAD_REQUEST" | "CONFLICT";

/** What a reason's wording needs (see `ownReasons`): a ratio, a limit. */
export type RefusalParams = Record<string, string | number>;

/** One field's refusal: its path, the developer's message, and why (see `ownReasons`). */
export interface Refusal {
  path: string;
  message: string;
  reason?: OwnReason;
  params?: RefusalParams;
}

/**
 * A BAD_REQUEST about one input field that only the server can judge (a weak password, a wrong
 * current password). Carried as a ZodError so the error formatter lists it in `issues`, exactly
 * like a schema failure, and the portal shows it beside the field. The error comes out of a parse
 * because a ZodError built with `new` is not an `Error` instance, and tRPC would wrap it away.
 * `code` is for refusals about a field that are not bad input (a slug already taken: CONFLICT);
 * `reason` is what clients word the problem from ("invalid" unless said), with `params`.
 */
export function fieldError(
  path: string,
  message: string,
  code: RefusalCode = "BAD_REQUEST",
  reason: OwnReason = "invalid",
  params?: RefusalParams,
): TRPCError {
  return fieldsError(code, message, [{ path, message, reason, ...(params ? { params } : {}) }]);
}

/** Like `fieldError`, about several fields at once (`dids.0` and `dids.3` both taken), under one `message`. */
export function fieldsError(code: RefusalCode, message: string, issues: Refusal[]): TRPCError {
  const failed = z
    .unknown()
    .superRefine((_value, check) => {
      for (const issue of issues)
        check.addIssue({
          code: "custom",
          path: issue.path.split("."),
          message: issue.message,
          params: { ...issue.params, reason: issue.reason ?? "invalid" },
        });
    })
    .safeParse(undefined);
  return new TRPCError({ code, message, cause: failed.error });
}
