import type { Translator } from "#lib/i18n/index.ts";
import type { OperatingHours, WeeklyWindow } from "./types.ts";

export const isoDays = [1, 2, 3, 4, 5, 6, 7] as const;
export type IsoDay = (typeof isoDays)[number];

const dayKeys = {
  1: "agencies.day.1",
  2: "agencies.day.2",
  3: "agencies.day.3",
  4: "agencies.day.4",
  5: "agencies.day.5",
  6: "agencies.day.6",
  7: "agencies.day.7",
} as const;

export function dayName(i18n: Translator, day: number): string {
  return day in dayKeys ? i18n.t(dayKeys[day as IsoDay]) : String(day);
}

function isWindow(value: unknown): value is WeeklyWindow {
  if (typeof value !== "object" || value === null) return false;
  const window = value as Record<string, unknown>;
  return (
    typeof window.day === "number" &&
    typeof window.from === "string" &&
    typeof window.to === "string"
  );
}

/** Reads hours from an audit row, where they are plain JSON of unknown age. */
export function asHours(value: unknown): OperatingHours | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const hours = value as Record<string, unknown>;
  if (hours.always === true) return { always: true };
  if (Array.isArray(hours.weekly) && hours.weekly.every(isWindow)) return { weekly: hours.weekly };
  return undefined;
}

/** "24 jam setiap hari", or the windows day by day: "Sen 07:00–16:00, Sel 07:00–16:00". */
export function hoursSummary(i18n: Translator, hours: OperatingHours): string {
  if ("always" in hours) return i18n.t("agencies.hours.always");
  return hours.weekly
    .map((window) => `${dayName(i18n, window.day)} ${window.from}–${window.to}`)
    .join(", ");
}
