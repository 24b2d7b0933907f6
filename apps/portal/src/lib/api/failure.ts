import { refreshAll } from "$app/navigation";
import type { PlainKey, Translator } from "#lib/i18n/index.ts";
import type { ErrorCode } from "@sigap/api/errors";
import type { ApiFailure } from "./error.ts";
import { commonFailureMessage } from "./failure-message.ts";

/** Codes whose meaning depends on the action (CONFLICT: last admin, already a member…). */
export type FailureOverrides = Partial<Record<ErrorCode, PlainKey>>;

const byCode: Partial<Record<ErrorCode, PlainKey>> = {
  BAD_REQUEST: "failure.BAD_REQUEST",
  UNAUTHORIZED: "failure.UNAUTHORIZED",
  FORBIDDEN: "failure.FORBIDDEN",
  NOT_FOUND: "failure.NOT_FOUND",
  CONFLICT: "failure.CONFLICT",
  PAYLOAD_TOO_LARGE: "failure.PAYLOAD_TOO_LARGE",
};

/** The sentence a signed-in page shows for a failed call: the action's own meaning first. */
export function failureMessage(
  i18n: Translator,
  failure: ApiFailure,
  overrides: FailureOverrides = {},
): string {
  const key = overrides[failure.code] ?? byCode[failure.code];
  return key ? i18n.t(key) : commonFailureMessage(i18n, failure);
}

/**
 * `failureMessage` for a signed-in page's own calls: when the session has ended, the page's data is
 * loaded again first, which lands on sign-in, since nothing more can be done here.
 */
export async function refusalMessage(
  i18n: Translator,
  failure: ApiFailure,
  overrides: FailureOverrides = {},
): Promise<string> {
  if (failure.code === "UNAUTHORIZED") await refreshAll();
  return failureMessage(i18n, failure, overrides);
}
