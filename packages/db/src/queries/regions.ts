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

/** The desa/kelurahan of one kecamatan, by name. */
export function listDistrictVillages(db: Executor, districtCode: string) {
  return db
    .select({ code: villages.code, name: villages.name })
    .from(villages)
    .where(eq(villages.districtCode, districtCode))
    .orderBy(asc(villages.name));
}

/** A place's kecamatan and desa/kelurahan by name, from their codes; null where a code is not given. */
export async function findPlaceNames(
  db: Executor,
  codes: { kecamatanCode: string | null; villageCode: string | null },
): Promise<{ kecamatanName: string | null; villageName: string | null }> {
  const [names] = await db.execute<{ kecamatan_name: string | null; village_name: string | null }>(
    sql`select (select name from ${districts} where code = ${codes.kecamatanCode}) as kecamatan_name,
               (select name from ${villages} where code = ${codes.villageCode}) as village_name`,
  );
  return { kecamatanName: names?.kecamatan_name ?? null, villageName: names?.village_name ?? null };
}

/** The kecamatan of a kabupaten/kota, by code: for coverage pickers and SOP location conditions. */
export function listRegionDistricts(db: Executor, regencyCode: string) {
  return db
    .select({ code: districts.code, name: districts.name })
    .from(districts)
    .where(eq(districts.regencyCode, regencyCode))
    .orderBy(asc(districts.code));
}
