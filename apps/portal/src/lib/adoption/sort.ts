import type { RouterOutputs } from "#lib/api/client.ts";
import { zoneOrder } from "./time-zone.ts";

export type ProvinceAdoption = RouterOutputs["adoption"]["national"]["provinces"][number];

export type SortColumn = "province" | "timeZone" | "regions" | "live" | "onboarding" | "percentLive";
export type SortDirection = "ascending" | "descending";

/** Share of a province's regions that are live, 0..1; a province without regions counts as 0. */
export function liveShare(province: ProvinceAdoption): number {
  return province.regions === 0 ? 0 : province.live / province.regions;
}

const compare: Record<SortColumn, (a: ProvinceAdoption, b: ProvinceAdoption) => number> = {
  province: (a, b) => a.name.localeCompare(b.name, "id"),
  timeZone: (a, b) => zoneOrder(a.timeZone) - zoneOrder(b.timeZone),
  regions: (a, b) => a.regions - b.regions,
  live: (a, b) => a.live - b.live,
  onboarding: (a, b) => a.onboarding - b.onboarding,
  percentLive: (a, b) => liveShare(a) - liveShare(b),
};

/**
 * Sorted copy; ties keep Kemendagri code order (the order the API returns and officials expect),
 * whichever the direction.
 */
export function sortProvinces(
  provinces: readonly ProvinceAdoption[],
  column: SortColumn | null,
  direction: SortDirection,
): ProvinceAdoption[] {
  if (column === null) return [...provinces];
  const sign = direction === "ascending" ? 1 : -1;
  return [...provinces].sort((a, b) => sign * compare[column](a, b) || a.code.localeCompare(b.code));
}
