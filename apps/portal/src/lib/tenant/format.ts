import type { Locale } from "#lib/i18n/index.ts";

const intlTags: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

/**
 * A moment as the tenant's staff read it: in the tenant's time zone (storage is UTC), with the
 * zone named, since a region in WITA reads the same instant an hour later than one in WIB. A
 * fixed zone also makes the server's rendering match the browser's.
 */
export function formatDateTime(locale: Locale, value: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTags[locale], {
    // dateStyle/timeStyle cannot be combined with timeZoneName, hence the fields one by one.
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(value));
}

export function formatDate(locale: Locale, value: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTags[locale], { dateStyle: "medium", timeZone }).format(new Date(value));
}

/** The time of day alone (a deadline within the hour), in the tenant's zone, the zone named. */
export function formatTime(locale: Locale, value: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTags[locale], { hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }).format(new Date(value));
}
