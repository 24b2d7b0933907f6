import type { ApiFailure } from "./error.ts";

/**
 * For unit tests: a refusal as the API sends it. Each field's English message is there to show
 * that the portal never reads it.
 */
export function refusal(
  code: ApiFailure["code"],
  reasons: ApiFailure["reasons"],
  params: ApiFailure["params"] = {},
): ApiFailure {
  const fields = Object.fromEntries(
    Object.keys(reasons).map((path) => [path, "(English, unread)"]),
  );
  return { code, fields, reasons, params, retryAfterSeconds: undefined };
}
