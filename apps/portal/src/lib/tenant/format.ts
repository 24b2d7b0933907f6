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
  return new Intl.DateTimeFormat(intlTags[locale], { dateStyle: "medium", timeZone }).format(
    new Date(value),
  );
}

/** The time of day alone (a deadline within the hour), in the tenant's zone, the zone named. */
export function formatTime(locale: Locale, value: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTags[locale], {
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(value));
}

/**
 * A calendar day the API sends as `2025-01-31` (a due date, a billing period's end). It is a date,
 * not a moment: read in UTC, so no time zone moves it to the day before or after.
 */
export function formatDay(locale: Locale, day: string): string {
  return formatDate(locale, day, "UTC");
}

/** A span of calendar days as one phrase, sharing what both ends share: "1–31 Jan 2025". */
export function formatDayRange(locale: Locale, from: string, to: string): string {
  return new Intl.DateTimeFormat(intlTags[locale], {
    dateStyle: "medium",
    timeZone: "UTC",
  }).formatRange(new Date(from), new Date(to));
}

/** Today (or the day of `instant`) on the tenant's calendar, as a date field holds it: `2025-01-31`. */
export function dayInZone(timeZone: string, instant: number = Date.now()): string {
  // sv-SE writes dates as ISO 8601 does.
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}
