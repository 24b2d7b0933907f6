import type { PlainKey, Translator } from "#lib/i18n/index.ts";

/**
 * The portal's wording for the agency fields the API refused (its own messages are English, for
 * developers). Weekly windows are named by index: `operatingHours.weekly.2.to`.
 */
export function agencyFieldMessages(
  i18n: Translator,
  fields: Record<string, string>,
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const path of Object.keys(fields)) {
    let key: PlainKey = "auth.field.invalid";
    if (path === "name") key = "agencies.error.name";
    else if (path === "agencyType") key = "agencies.error.type";
    else if (/^operatingHours\.weekly\.\d+\.to$/.test(path)) key = "agencies.error.windowTo";
    else if (/^operatingHours\.weekly\.\d+\.from$/.test(path)) key = "agencies.error.windowFrom";
    else if (path.startsWith("operatingHours")) key = "agencies.error.hours";
    else if (path.startsWith("coverageDistrictCodes")) key = "agencies.error.coverage";
    messages[path] = i18n.t(key);
  }
  return messages;
}

/** The contact value's wording by kind: what a valid entry looks like. */
export const contactValueError = {
  phone: "agencies.error.phone",
  whatsapp: "agencies.error.phone",
  email: "agencies.error.email",
  webhook: "agencies.error.webhook",
} as const satisfies Record<string, PlainKey>;
