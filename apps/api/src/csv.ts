// CSV for exports people open in a spreadsheet (audit log, national adoption).

/**
 * One CSV field per RFC 4180: quoted when it holds a quote, comma or line break. Exported rows
 * carry text strangers typed (the email tried at a failed sign-in, a tenant's chosen name); a field
 * a spreadsheet would run as a formula gets a leading apostrophe, so opening an export never
 * executes anything.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The CSV text of a table: UTF-8 byte-order mark (so Excel reads Indonesian names right), a header
 * row, CRLF line ends.
 */
export function csvDocument(header: string[], rows: string[][]): string {
  const lines = [header, ...rows].map((cells) => cells.map(field).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** `2025-03-01T14:05:09+07:00`: the wall-clock time of the region, with its offset. */
export function formatInZone(instant: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(instant);
  const offsetName = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName")?.value;
  const offset = offsetName?.replace("GMT", "") || "+00:00";
  return `${local.replace(" ", "T")}${offset}`;
}

/** Today's date (`YYYY-MM-DD`) in a time zone, for file names. */
export function dateInZone(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone).slice(0, 10);
}

/**
 * The instant a day (`YYYY-MM-DD`) begins in a time zone. Indonesia keeps no daylight saving, so
 * the offset at noon is the offset at midnight.
 */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const offset = formatInZone(new Date(`${day}T12:00:00Z`), timeZone).slice(19);
  return new Date(`${day}T00:00:00${offset}`);
}
