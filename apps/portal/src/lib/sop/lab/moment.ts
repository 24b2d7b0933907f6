// A scenario's moment is typed as wall-clock time in the tenant's zone (a `datetime-local` field)
// and sent with the zone's offset, so a rule for "18:00–06:00" is checked against the region's
// clock, not the browser's. Indonesia keeps no daylight saving, but the offset is still read from
// the zone data rather than a table, so any zone the platform ever uses works.

const formatOptions = {
  offset: { timeZoneName: "longOffset" },
  wallClock: {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

// Building a DateTimeFormat costs far more than using one.
const formats = new Map<string, Intl.DateTimeFormat>();

function format(kind: keyof typeof formatOptions, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let cached = formats.get(key);
  if (!cached) {
    // en-CA writes dates as ISO does (2026-08-17).
    cached = new Intl.DateTimeFormat("en-CA", { timeZone, ...formatOptions[kind] });
    formats.set(key, cached);
  }
  return cached;
}

/** The zone's offset from UTC at `instant`, as ISO 8601 writes it: `+07:00`. */
export function zoneOffset(instant: Date, timeZone: string): string {
  const name = format("offset", timeZone)
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName")?.value;
  // "GMT+07:00"; plain "GMT" for UTC itself.
  const offset = name?.replace("GMT", "") ?? "";
  return offset === "" ? "+00:00" : offset;
}

/**
 * A moment (an ISO string or epoch milliseconds) as a `datetime-local` value (`2026-08-17T21:30`) on the zone's
 * clock; blank when it is not a moment at all.
 */
export function wallClock(value: string | number, timeZone: string): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return "";
  const parts = Object.fromEntries(
    format("wallClock", timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year ?? ""}-${parts.month ?? ""}-${parts.day ?? ""}T${parts.hour ?? ""}:${parts.minute ?? ""}`;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A `datetime-local` value read on the zone's clock, as an ISO date-time with the zone's offset
 * (`2026-08-17T21:30:00+07:00`). Anything else (an empty field) comes back as typed, for the API
 * to name as the field to fix.
 */
export function zonedIso(local: string, timeZone: string): string {
  const match = localPattern.exec(local);
  if (!match) return local;
  const [, year, month, day, hour, minute, second = "00"] = match;
  const asUtc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  // The offset at the wall-clock time read as UTC is right except within hours of an offset
  // change; a second look at the corrected instant settles those.
  const first = zoneOffset(new Date(asUtc), timeZone);
  const offset = zoneOffset(new Date(asUtc - offsetMinutes(first) * 60_000), timeZone);
  return `${year ?? ""}-${month ?? ""}-${day ?? ""}T${hour ?? ""}:${minute ?? ""}:${second}${offset}`;
}

function offsetMinutes(offset: string): number {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}
