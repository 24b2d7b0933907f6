import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { momentMessage, momentSchema, parseMoment, type MomentProblem } from "./moment.ts";

describe("parseMoment", () => {
  it.each([
    ["2025-08-17T21:30:00+07:00", "2025-08-17T14:30:00.000Z"],
    ["2025-08-17T21:30:00Z", "2025-08-17T21:30:00.000Z"],
    ["2025-08-17T21:30+07:00", "2025-08-17T14:30:00.000Z"],
    ["2025-08-17T21:30:05.5+07:00", "2025-08-17T14:30:05.500Z"],
    ["2025-08-17T21:30:05.123456789Z", "2025-08-17T21:30:05.123Z"],
    ["2025-12-31T23:59:59+09:00", "2025-12-31T14:59:59.000Z"],
    ["2026-01-01T00:30:00+14:00", "2025-12-31T10:30:00.000Z"],
    ["2025-12-31T20:00:00-14:00", "2026-01-01T10:00:00.000Z"],
    ["2025-06-01T10:00:00+05:45", "2025-06-01T04:15:00.000Z"],
    ["2025-06-01T10:00:00-00:00", "2025-06-01T10:00:00.000Z"],
    ["2024-02-29T10:00:00+07:00", "2024-02-29T03:00:00.000Z"],
    ["2000-02-29T00:00:00Z", "2000-02-29T00:00:00.000Z"],
    ["2025-03-01T00:00:00+07:00", "2025-02-28T17:00:00.000Z"],
    ["0050-01-01T00:00:00Z", "0050-01-01T00:00:00.000Z"],
  ])("accepts %s as %s", (text, instant) => {
    const parsed = parseMoment(text);
    expect(parsed.ok && parsed.date.toISOString()).toBe(instant);
  });

  it.each<[string, MomentProblem, string]>([
    ["2025-02-30T22:30:00+07:00", "date", "2025-02-30 is not a day of the calendar"],
    ["2025-02-29T10:00:00Z", "date", "2025-02-29 is not a day of the calendar"],
    ["1900-02-29T10:00:00Z", "date", "1900-02-29 is not a day of the calendar"],
    ["2025-04-31T10:00:00Z", "date", "2025-04-31 is not a day of the calendar"],
    ["2025-13-01T10:00:00Z", "date", "2025-13-01 is not a day of the calendar"],
    ["2025-00-10T10:00:00Z", "date", "2025-00-10 is not a day of the calendar"],
    ["2025-01-00T10:00:00Z", "date", "2025-01-00 is not a day of the calendar"],
    ["2025-01-32T10:00:00Z", "date", "2025-01-32 is not a day of the calendar"],
    [
      "2025-06-01T24:00:00+07:00",
      "time",
      "24:00 is not a time of day; write 00:00 of the next day",
    ],
    ["2025-06-01T24:00+07:00", "time", "24:00 is not a time of day; write 00:00 of the next day"],
    ["2025-06-01T25:00:00Z", "time", "25:00:00 is not a time of day"],
    ["2025-06-01T23:60:00Z", "time", "23:60:00 is not a time of day"],
    ["2025-06-01T23:59:60Z", "time", "23:59:60 is not a time of day"],
    [
      "2025-06-01T10:00:00",
      "offset_missing",
      "there is no offset (Z for UTC, or the zone's offset)",
    ],
    [
      "2025-06-01T10:00:00+15:00",
      "offset",
      "+15:00 is not an offset; offsets run from -14:00 to +14:00",
    ],
    [
      "2025-06-01T10:00:00-14:30",
      "offset",
      "-14:30 is not an offset; offsets run from -14:00 to +14:00",
    ],
    [
      "2025-06-01T10:00:00+07:60",
      "offset",
      "+07:60 is not an offset; offsets run from -14:00 to +14:00",
    ],
  ])("refuses %s (%s)", (text, problem, reason) => {
    expect(parseMoment(text)).toEqual({ ok: false, problem, reason });
  });

  it.each([
    "",
    "2025-06-01",
    "2025-06-01 10:00:00Z",
    "2025-06-01t10:00:00z",
    "2025-06-01T10Z",
    "2025-06-01T10:00:00+0700",
    "2025-06-01T10:00:00+07",
    "2025-06-01T10:00:00.1234567890Z",
    "+002025-06-01T10:00:00Z",
    "2025-6-1T10:00:00Z",
    " 2025-06-01T10:00:00Z",
    "2025-06-01T10:00:00Z\n",
    "1748772000000",
  ])("refuses %j as not written like a moment", (text) => {
    expect(parseMoment(text)).toMatchObject({ ok: false, problem: "format" });
  });

  const offsets = fc.integer({ min: -14 * 60, max: 14 * 60 });
  const instants = fc.date({
    min: new Date("0001-01-02T00:00:00Z"),
    max: new Date("9998-12-31T00:00:00Z"),
    noInvalidDate: true,
  });

  /** The instant written on the clock of `offset` minutes east of UTC, as a caller would. */
  function written(instant: Date, offset: number): string {
    const clock = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 23);
    const size = Math.abs(offset);
    const hours = String(Math.floor(size / 60)).padStart(2, "0");
    const minutes = String(size % 60).padStart(2, "0");
    return `${clock}${offset < 0 ? "-" : "+"}${hours}:${minutes}`;
  }

  it("reads back every instant written at any offset it accepts, as Date.parse does", () => {
    fc.assert(
      fc.property(instants, offsets, (instant, offset) => {
        const text = written(instant, offset);
        const parsed = parseMoment(text);
        expect(parsed.ok && parsed.date.getTime()).toBe(instant.getTime());
        expect(Date.parse(text)).toBe(instant.getTime());
      }),
    );
  });

  it("accepts a day exactly when the month has it, leap years included", () => {
    const daysIn = (year: number, month: number) =>
      month === 2
        ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
          ? 29
          : 28
        : [4, 6, 9, 11].includes(month)
          ? 30
          : 31;
    const pad = (value: number, size: number) => String(value).padStart(size, "0");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        offsets,
        (year, month, day, offset) => {
          const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const zone = written(new Date(0), offset).slice(-6);
          const parsed = parseMoment(`${date}T12:00:00${zone}`);
          const exists = month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
          expect(parsed.ok, date).toBe(exists);
        },
      ),
    );
  });
});

describe("momentSchema", () => {
  const schema = momentSchema("`at`");

  it("keeps the text as written", () => {
    expect(schema.parse("2025-08-17T21:30:00+07:00")).toBe("2025-08-17T21:30:00+07:00");
  });

  it("names the field, the reason and an example, and carries the problem", () => {
    const result = schema.safeParse("2025-02-30T22:30:00+07:00");
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: "custom",
        path: [],
        message:
          "`at` must be an ISO-8601 date and time with an offset, e.g. 2025-08-17T21:30:00+07:00; 2025-02-30 is not a day of the calendar.",
        params: { check: "moment", moment: "date" },
      }),
    ]);
    expect(schema.safeParse(20250817).error?.issues[0]?.message).toBe(momentMessage("`at`"));
    expect(schema.safeParse("yesterday").error?.issues[0]?.message).toBe(
      "`at` must be an ISO-8601 date and time with an offset, e.g. 2025-08-17T21:30:00+07:00.",
    );
  });

  it("shows as a date-time in JSON Schema, so generated documents and clients know the format", () => {
    expect(z.toJSONSchema(schema)).toMatchObject({
      type: "string",
      format: "date-time",
      examples: ["2025-08-17T21:30:00+07:00"],
    });
  });
});
