import type { Weekday } from "./schema/primitives.ts";

/** Wall-clock facts in the tenant's zone; time conditions are written in local time, storage is UTC. */
export interface LocalTime {
  readonly timeZone: string;
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** `HH:MM` */
  readonly clock: string;
  readonly minuteOfDay: number;
  readonly weekday: Weekday;
}

// Building a DateTimeFormat costs far more than using one, and evaluation must stay well under 1 ms.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const weekdayByShortName: Readonly<Record<string, Weekday>> = {
  Mon: "mon",
  Tue: "tue",
  Wed: "wed",
  Thu: "thu",
  Fri: "fri",
  Sat: "sat",
  Sun: "sun",
};

export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const hour = parts.hour ?? "00";
  const minute = parts.minute ?? "00";
  return {
    timeZone,
    date: `${parts.year ?? "0000"}-${parts.month ?? "01"}-${parts.day ?? "01"}`,
    clock: `${hour}:${minute}`,
    minuteOfDay: Number(hour) * 60 + Number(minute),
    weekday: weekdayByShortName[parts.weekday ?? ""] ?? "mon",
  };
}

export function minuteOfDay(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}
