import { z } from "zod";
import type { CustomCheck } from "./finding-params.ts";

// One reading of "a moment" for every way one enters the platform (the `sop` CLI, test cases, the
// API), so an impossible date is refused the same way everywhere. Date.parse would roll it over
// instead: 2025-02-30 becomes 2 March and T24:00 the next day, and the plan silently changes.

/** The moment that messages show as an example. */
export const momentExample = "2025-08-17T21:30:00+07:00";

/** Why a text is not a moment, for callers that branch on it or translate it. */
export type MomentProblem = "format" | "offset_missing" | "offset" | "time" | "date";

export type ParsedMoment =
  | { readonly ok: true; readonly date: Date }
  | {
      readonly ok: false;
      readonly problem: MomentProblem;
      /** English, naming the part at fault, e.g. "2025-02-30 is not a day of the calendar". */
      readonly reason: string;
    };

const datePattern = String.raw`(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})`;
const secondPattern = String.raw`(?::(?<second>\d{2})(?:\.(?<fraction>\d{1,9}))?)?`;
const clockPattern = String.raw`(?<hour>\d{2}):(?<minute>\d{2})${secondPattern}`;
const zonePattern = String.raw`(?<zone>Z|(?<sign>[+-])(?<zoneHour>\d{2}):(?<zoneMinute>\d{2}))`;
// The offset is optional here only so that its absence gets its own reason.
const momentPattern = new RegExp(`^${datePattern}T${clockPattern}${zonePattern}?$`);

// Offsets in use run from -12:00 to +14:00; ±14:00 is the bound ISO-8601 readers commonly allow.
const maxOffsetMinutes = 14 * 60;

const refused = (problem: MomentProblem, reason: string): ParsedMoment => ({
  ok: false,
  problem,
  reason,
});

/**
 * Reads an ISO-8601 date and time with an explicit offset (`Z` or `±HH:MM`), e.g.
 * `2025-08-17T21:30:00+07:00`; seconds and up to nine fraction digits are optional. Refuses what
 * the calendar or the clock does not have (30 February, 29 February of a common year, month 13,
 * day 0, 24:00, minute or second 60) and offsets beyond ±14:00, where Date.parse rolls over.
 */
export function parseMoment(text: string): ParsedMoment {
  const fields = momentPattern.exec(text)?.groups;
  if (fields === undefined) {
    return refused("format", "write it as YYYY-MM-DDTHH:MM:SS followed by Z or an offset");
  }
  const { year = "", month = "", day = "", hour = "", minute = "", second = "00" } = fields;
  const { fraction = "", zone, sign, zoneHour = "00", zoneMinute = "00" } = fields;
  if (zone === undefined) {
    return refused("offset_missing", "there is no offset (Z for UTC, or the zone's offset)");
  }
  const offset = (sign === "-" ? -1 : 1) * (Number(zoneHour) * 60 + Number(zoneMinute));
  if (Number(zoneMinute) > 59 || Math.abs(offset) > maxOffsetMinutes) {
    return refused("offset", `${zone} is not an offset; offsets run from -14:00 to +14:00`);
  }
  if (hour === "24") {
    return refused("time", `${hour}:${minute} is not a time of day; write 00:00 of the next day`);
  }
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    return refused("time", `${hour}:${minute}:${second} is not a time of day`);
  }
  // Built field by field, not with Date.UTC, which reads years 0-99 as 1900-1999.
  const clock = new Date(0);
  clock.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  const milliseconds = Number(fraction.slice(0, 3).padEnd(3, "0"));
  clock.setUTCHours(Number(hour), Number(minute), Number(second), milliseconds);
  const date = new Date(clock.getTime() - offset * 60_000);
  // The calendar check: the instant, read back at the offset written, must show the fields written;
  // an impossible day has rolled over into another one.
  const shown = new Date(date.getTime() + offset * 60_000);
  const rolledOver =
    shown.getUTCFullYear() !== Number(year) ||
    shown.getUTCMonth() + 1 !== Number(month) ||
    shown.getUTCDate() !== Number(day) ||
    shown.getUTCHours() !== Number(hour) ||
    shown.getUTCMinutes() !== Number(minute) ||
    shown.getUTCSeconds() !== Number(second);
  if (rolledOver) return refused("date", `${year}-${month}-${day} is not a day of the calendar`);
  return { ok: true, date };
}

/** The message for a field that is not a moment: names the field, says why, shows an example. */
export function momentMessage(field: string, parsed?: ParsedMoment): string {
  const rule = `${field} must be an ISO-8601 date and time with an offset, e.g. ${momentExample}`;
  return parsed === undefined || parsed.ok || parsed.problem === "format"
    ? `${rule}.`
    : `${rule}; ${parsed.reason}.`;
}

/**
 * A moment in a zod schema, checked by `parseMoment`; the output is the text as written, since
 * stored test cases keep their author's offset. `field` names it in messages as the caller writes
 * field names, e.g. "`at`". An issue carries the `MomentProblem` in `params.moment`. JSON Schema
 * and OpenAPI show it as `format: date-time`.
 */
export function momentSchema(field: string) {
  return z
    .string({ error: momentMessage(field) })
    .superRefine((text, context) => {
      const parsed = parseMoment(text);
      if (!parsed.ok) {
        context.addIssue({
          code: "custom",
          message: momentMessage(field, parsed),
          params: { check: "moment", moment: parsed.problem } satisfies CustomCheck,
        });
      }
    })
    .meta({ format: "date-time", examples: [momentExample] });
}
