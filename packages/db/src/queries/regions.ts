import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { districts, provinces, regencies, villages } from "../schema/regions.ts";

export interface RegionSearch {
  /** Part of the name ("sidoarjo") or the start of the Kemendagri code ("35.1"). */
  query: string;
  provinceCode?: string | undefined;
  limit: number;
}

/** Kabupaten/kota matching a name or code, for pickers; national reference data, no tenant needed. */
export function searchRegions(db: Executor, search: RegionSearch) {
  const escaped = search.query.replace(/[\\%_]/g, (char) => `\\${char}`);
  return db
    .select({
      code: regencies.code,
      name: regencies.name,
      kind: regencies.kind,
      provinceCode: regencies.provinceCode,
      provinceName: provinces.name,
      timeZone: provinces.timeZone,
    })
    .from(regencies)
    .innerJoin(provinces, eq(provinces.code, regencies.provinceCode))
    .where(
      and(
        or(ilike(regencies.name, `%${escaped}%`), sql`${regencies.code} like ${`${escaped}%`}`),
        search.provinceCode ? eq(regencies.provinceCode, search.provinceCode) : undefined,
      ),
    )
    .orderBy(asc(regencies.code))
    .limit(search.limit);
}

/** The kecamatan of a kabupaten/kota, by code: for coverage pickers and SOP location conditions. */
/** The desa/kelurahan of one kecamatan, by name. */
export function listDistrictVillages(db: Executor, districtCode: string) {
  return db
    .select({ code: villages.code, name: villages.name })
    .from(villages)
    .where(eq(villages.districtCode, districtCode))
    .orderBy(asc(villages.name));
}

export function listRegionDistricts(db: Executor, regencyCode: string) {
  return db
    .select({ code: districts.code, name: districts.name })
    .from(districts)
    .where(eq(districts.regencyCode, regencyCode))
    .orderBy(asc(districts.code));
}
