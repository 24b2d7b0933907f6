import type { Translator } from "#lib/i18n/index.ts";
import type { ApiFailure } from "./error.ts";

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
  if (failure.code === "UNAUTHORIZED") return i18n.t("auth.error.sessionEnded");
  if (failure.code === "SERVICE_UNAVAILABLE" || failure.code === "INTERNAL_SERVER_ERROR")
    return i18n.t("auth.error.unavailable");
  return i18n.t("auth.error.generic");
}

/**
 * The message under a field the API rejected. Password verdicts come from the API already in the
 * person's language (zxcvbn's feedback is the useful part); other fields get the portal's wording,
 * as the API's schema messages are English and meant for developers.
 */
export function fieldMessages(
  i18n: Translator,
  fields: Record<string, string>,
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [path, apiMessage] of Object.entries(fields)) {
    messages[path] =
      path === "password"
        ? apiMessage
        : path === "email"
          ? i18n.t("auth.field.emailInvalid")
          : i18n.t("auth.field.invalid");
  }
  return messages;
}
