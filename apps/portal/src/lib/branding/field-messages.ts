import type { PlainKey, Translator } from "#lib/i18n/index.ts";

const byField: Record<string, PlainKey> = {
  displayName: "branding.error.displayName",
  primaryColor: "branding.error.primaryContrast",
  accentColor: "branding.error.accentContrast",
  logoBase64: "branding.error.logo",
};

/**
 * The portal's sentence under each field the API refused. Colours reach the API only once their
 * format is right (checked first in the browser), so a refused colour is a contrast refusal.
 */
export function brandingFieldMessages(
  i18n: Translator,
  fields: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.keys(fields).map((path) => [path, i18n.t(byField[path] ?? "auth.field.invalid")]),
  );
}
