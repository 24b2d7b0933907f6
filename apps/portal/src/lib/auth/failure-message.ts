import type { Translator } from "#lib/i18n/index.ts";
import type { ApiFailure } from "./api-error.ts";

/**
 * The page-level sentence for failures every auth form shares (throttling, an unreachable API,
 * anything unexpected). Pages handle their own expected codes (wrong password, expired link) first.
 */
export function commonFailureMessage(i18n: Translator, failure: ApiFailure): string {
  if (failure.code === "TOO_MANY_REQUESTS") {
    const seconds = failure.retryAfterSeconds ?? 60;
    return seconds >= 60
      ? i18n.t("auth.error.throttledMinutes", { count: Math.ceil(seconds / 60) })
      : i18n.t("auth.error.throttledSeconds", { count: seconds });
  }
  if (failure.code === "SERVICE_UNAVAILABLE" || failure.code === "INTERNAL_SERVER_ERROR") return i18n.t("auth.error.unavailable");
  return i18n.t("auth.error.generic");
}
