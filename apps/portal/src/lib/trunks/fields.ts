import type { IssueReason } from "@sigap/api/errors";
import type { ApiFailure } from "#lib/api/error.ts";
import type { PlainKey, Translator } from "#lib/i18n/index.ts";

const byField: Record<string, PlainKey> = {
  name: "trunks.error.name",
  carrier: "trunks.error.carrier",
  sipHost: "trunks.error.sipHost",
  sipPort: "trunks.error.sipPort",
  transport: "trunks.error.transport",
  maxChannels: "trunks.error.maxChannels",
  codecs: "trunks.error.codecs",
  status: "trunks.error.status",
  "auth.username": "trunks.error.username",
  "auth.password": "trunks.error.password",
  "auth.addresses": "trunks.error.addresses",
};

/**
 * The portal's wording for the trunk fields the API refused, each under its field: one address of
 * the allow-list (`auth.addresses.3`) marks the whole list; a name in use is a CONFLICT.
 */
export function trunkFieldMessages(i18n: Translator, failure: ApiFailure): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [path, reason] of Object.entries(failure.reasons)) {
    const field = path.startsWith("auth.addresses")
      ? "auth.addresses"
      : path.startsWith("codecs")
        ? "codecs"
        : path;
    let key = byField[field] ?? "auth.field.invalid";
    if (field === "name" && failure.code === "CONFLICT") key = "trunks.error.nameTaken";
    if (field === "auth.password" && reason === "required") key = "trunks.error.passwordRequired";
    messages[field] ??= i18n.t(key);
  }
  return messages;
}

/**
 * A DID line's problem in the page's language, from why the API refused the line (`dids.2`):
 * another trunk here holds the number (taken), it is not available (held elsewhere, never said
 * where), it repeats an earlier line, or it is not a number.
 */
export function didMessage(i18n: Translator, reason: IssueReason): string {
  if (reason === "taken") return i18n.t("trunks.dids.onOtherTrunk");
  if (reason === "unavailable") return i18n.t("trunks.dids.takenElsewhere");
  return i18n.t(reason === "repeated" ? "trunks.dids.repeated" : "trunks.dids.invalid");
}
