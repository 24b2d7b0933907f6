import type { RouterOutputs } from "#lib/api/client.ts";
import type { Comparators } from "#lib/layout/sort.ts";
import { zoneOrder } from "./time-zone.ts";

export type ProvinceAdoption = RouterOutputs["adoption"]["national"]["provinces"][number];

export type SortColumn =
  "province" | "timeZone" | "regions" | "live" | "onboarding" | "percentLive";

/** Share of a province's regions that are live, 0..1; a province without regions counts as 0. */
export function liveShare(province: ProvinceAdoption): number {
  return province.regions === 0 ? 0 : province.live / province.regions;
}

/** Ties keep Kemendagri code order, the order the API returns and officials expect. */
export const provinceComparators: Comparators<ProvinceAdoption, SortColumn> = {
  province: (a, b) => a.name.localeCompare(b.name, "id"),
  timeZone: (a, b) => zoneOrder(a.timeZone) - zoneOrder(b.timeZone),
  regions: (a, b) => a.regions - b.regions,
  live: (a, b) => a.live - b.live,
  onboarding: (a, b) => a.onboarding - b.onboarding,
  percentLive: (a, b) => liveShare(a) - liveShare(b),
};
