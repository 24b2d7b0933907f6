import type { Locale } from "#lib/i18n/index.ts";

/** In one fixed zone, so the server's render and the browser's hydration agree. */
export function sentAt(value: string | Date, locale: Locale): string {
  return new Date(value).toLocaleString(locale === "id" ? "id-ID" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: "Asia/Jakarta",
  });
}
