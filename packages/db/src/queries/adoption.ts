import { sql } from "drizzle-orm";
import type { Executor } from "../client.ts";

export interface ProvinceAdoption {
  code: string;
  name: string;
  timeZone: string;
  regions: number;
  live: number;
  onboarding: number;
}

export interface NationalAdoption {
  totalRegions: number;
  live: number;
  onboarding: number;
  provinces: ProvinceAdoption[];
}

/**
 * National adoption counts, through the `national_adoption()` security-definer function: the
 * runtime role cannot read other tenants' rows, only these aggregates.
 */
export async function getNationalAdoption(db: Executor): Promise<NationalAdoption> {
  const rows = await db.execute<{
    province_code: string;
    province_name: string;
    time_zone: string;
    regions: number;
    live: number;
    onboarding: number;
  }>(sql`select * from national_adoption()`);
  const provinces = rows.map((row) => ({
    code: row.province_code,
    name: row.province_name,
    timeZone: row.time_zone,
    regions: row.regions,
    live: row.live,
    onboarding: row.onboarding,
  }));
  const sum = (pick: (p: ProvinceAdoption) => number) =>
    provinces.reduce((total, p) => total + pick(p), 0);
  return {
    totalRegions: sum((p) => p.regions),
    live: sum((p) => p.live),
    onboarding: sum((p) => p.onboarding),
    provinces,
  };
}
