import { asc, count, eq, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { provinces, regencies } from "../schema/regions.ts";
import type { tenantStatus } from "../schema/tenants.ts";

export type TenantStatus = (typeof tenantStatus.enumValues)[number];

/** One tenant in the national directory: region, chosen name, status, launch. No personal data. */
export interface TenantDirectoryRow {
  tenantId: string;
  slug: string;
  displayName: string;
  regionCode: string;
  regionName: string;
  provinceCode: string;
  provinceName: string;
  status: TenantStatus;
  launchedAt: Date | null;
}

/**
 * Every tenant of the country, through the `national_tenants()` security-definer function: the
 * runtime role reads no other tenant's row directly.
 */
export async function listTenantDirectory(db: Executor): Promise<TenantDirectoryRow[]> {
  const rows = await db.execute<{
    tenant_id: string;
    slug: string;
    display_name: string;
    region_code: string;
    region_name: string;
    province_code: string;
    province_name: string;
    status: TenantStatus;
    launched_at: string | Date | null;
  }>(sql`select * from national_tenants()`);
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    slug: row.slug,
    displayName: row.display_name,
    regionCode: row.region_code,
    regionName: row.region_name,
    provinceCode: row.province_code,
    provinceName: row.province_name,
    status: row.status,
    launchedAt: row.launched_at === null ? null : new Date(row.launched_at),
  }));
}

/** The 38 provinces with how many kabupaten/kota each has (national reference data). */
export function listProvinceRegionCounts(db: Executor) {
  return db
    .select({ code: provinces.code, name: provinces.name, regions: count(regencies.code) })
    .from(provinces)
    .leftJoin(regencies, eq(regencies.provinceCode, provinces.code))
    .groupBy(provinces.code, provinces.name)
    .orderBy(asc(provinces.code));
}

/** The kabupaten/kota of one province in code order, each with its province's name; none for an unknown code. */
export function listProvinceRegencies(db: Executor, provinceCode: string) {
  return db
    .select({ code: regencies.code, name: regencies.name, provinceName: provinces.name })
    .from(regencies)
    .innerJoin(provinces, eq(provinces.code, regencies.provinceCode))
    .where(eq(regencies.provinceCode, provinceCode))
    .orderBy(asc(regencies.code));
}

export interface NationalFilters {
  provinceCode?: string | undefined;
  status?: TenantStatus | undefined;
}

/**
 * What the national adoption view is built from: the provinces in scope (all 38, or the filtered
 * one) with their region counts, and the tenants the filters select.
 */
export async function getNationalScope(db: Executor, filters: NationalFilters) {
  const [provinceCounts, directory] = await Promise.all([
    listProvinceRegionCounts(db),
    listTenantDirectory(db),
  ]);
  const inProvince = (code: string) =>
    filters.provinceCode === undefined || code === filters.provinceCode;
  return {
    provinces: provinceCounts.filter((province) => inProvince(province.code)),
    tenants: directory.filter(
      (tenant) =>
        inProvince(tenant.provinceCode) &&
        (filters.status === undefined || tenant.status === filters.status),
    ),
  };
}
