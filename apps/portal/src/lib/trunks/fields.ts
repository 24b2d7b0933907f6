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
  for (const [path, apiMessage] of Object.entries(failure.fields)) {
    const field = path.startsWith("auth.addresses")
      ? "auth.addresses"
      : path.startsWith("codecs")
        ? "codecs"
        : path;
    let key = byField[field] ?? "auth.field.invalid";
    if (field === "name" && failure.code === "CONFLICT") key = "trunks.error.nameTaken";
    // The API's wording is English; "required" is the one distinction the person needs here.
    if (field === "auth.password" && apiMessage.includes("required"))
      key = "trunks.error.passwordRequired";
    messages[field] ??= i18n.t(key);
  }
  return messages;
}

/**
 * A DID line's problem in the page's language. The API names each line by index (`dids.2`) with an
 * English message; a conflict says whether another trunk here holds the number, or that it is
 * not available (held elsewhere, never said where).
 */
export function didMessage(i18n: Translator, code: string, apiMessage: string): string {
  if (code === "CONFLICT") {
    return i18n.t(
      apiMessage.includes("another trunk")
        ? "trunks.dids.onOtherTrunk"
        : "trunks.dids.takenElsewhere",
    );
  }
  return i18n.t(apiMessage.includes("repeats") ? "trunks.dids.repeated" : "trunks.dids.invalid");
}
