// Calendar days as `YYYY-MM-DD` strings. Billing periods, proration and due dates count days of the
// tenant's time zone; the arithmetic runs on UTC midnights, where every day has 24 hours.

const dayMs = 24 * 60 * 60 * 1000;

const toUtc = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * dayMs);
}

/** Days from `from` to `to`, both counted: a day to itself is 1. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / dayMs) + 1;
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = toUtc(from), end = toUtc(to); ms <= end; ms += dayMs) days.push(fromUtc(ms));
  return days;
}

export interface Period {
  start: string;
  end: string;
}

export function monthOf(day: string): Period {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const start = `${day.slice(0, 7)}-01`;
  const end = fromUtc(Date.UTC(year, month, 1) - dayMs);
  return { start, end };
}

export function yearOf(day: string): Period {
  const year = day.slice(0, 4);
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The billing period of a plan that holds `day`: its calendar month or its calendar year. */
export function periodOf(kind: "monthly" | "annual", day: string): Period {
  return kind === "monthly" ? monthOf(day) : yearOf(day);
}

export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtc(toUtc(value)) === value;
}
