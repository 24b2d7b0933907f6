import type { IssueReason } from "@sigap/api/errors";
import type { PlainKey, Translator } from "#lib/i18n/index.ts";
import type { ApiFailure, IssueParams } from "./error.ts";

const plain: Partial<Record<IssueReason, PlainKey>> = {
  required: "failure.reason.required",
  repeated: "failure.reason.repeated",
  taken: "failure.reason.taken",
  unavailable: "failure.reason.unavailable",
  invalid_value: "failure.reason.choice",
};

const formats: Record<string, PlainKey> = {
  email: "failure.reason.email",
  url: "failure.reason.url",
  uuid: "failure.reason.choice",
};

/** A length, size or count limit, by what it limits (zod's `origin`). */
function limit(i18n: Translator, reason: "too_small" | "too_big", params: IssueParams): string {
  const small = reason === "too_small";
  const value = i18n.number(Number(small ? params.minimum : params.maximum));
  switch (params.origin) {
    case "string":
      return small
        ? i18n.t("failure.reason.minLength", { minimum: value })
        : i18n.t("failure.reason.maxLength", { maximum: value });
    case "array":
    case "set":
      return small
        ? i18n.t("failure.reason.minItems", { minimum: value })
        : i18n.t("failure.reason.maxItems", { maximum: value });
    default:
      return small
        ? i18n.t("failure.reason.minNumber", { minimum: value })
        : i18n.t("failure.reason.maxNumber", { maximum: value });
  }
}

/**
 * The portal's sentence for why the API refused a field, from its closed reason and figures, for
 * forms without wording of their own for that field. Never the API's English.
 */
export function reasonMessage(
  i18n: Translator,
  reason: IssueReason,
  params: IssueParams = {},
): string {
  if (reason === "too_small" || reason === "too_big") return limit(i18n, reason, params);
  if (reason === "invalid_format")
    return i18n.t(formats[String(params.format)] ?? "failure.reason.format");
  return i18n.t(plain[reason] ?? "failure.reason.invalid");
}

/** `reasonMessage` for every field a failure names. */
export function reasonMessages(i18n: Translator, failure: ApiFailure): Record<string, string> {
  return Object.fromEntries(
    Object.entries(failure.reasons).map(([path, reason]) => [
      path,
      reasonMessage(i18n, reason, failure.params[path]),
    ]),
  );
}
