import { eq, sql } from "drizzle-orm";
import type { Executor, TenantTx, Transaction } from "../client.ts";
import { provinces, regencies } from "../schema/regions.ts";
import { listTenantDirectory, type TenantDirectoryRow, type TenantStatus } from "./national.ts";
import { searchRegions, type RegionSearch } from "./regions.ts";
import { uniqueViolation } from "./errors.ts";

// Platform administration of tenants: the runtime role creates them only through create_tenant().

/** Regions matching a search, each with the tenant that already holds it (a region holds one). */
export async function searchRegionsForTenancy(db: Executor, search: RegionSearch) {
  const [regions, directory] = await Promise.all([
    searchRegions(db, search),
    listTenantDirectory(db),
  ]);
  const holders = new Map(directory.map((tenant) => [tenant.regionCode, tenant]));
  return regions.map((region) => {
    const holder = holders.get(region.code);
    return { ...region, tenant: holder ? { slug: holder.slug, status: holder.status } : null };
  });
}

export interface TenantDirectoryFilter {
  /** Text the name, slug, region or province holds, in any case; empty for every tenant. */
  query: string;
  status?: TenantStatus | undefined;
}

/**
 * The tenants a filter selects, by name as Indonesian sorts it. The directory holds one tenant per
 * kabupaten/kota at most (514), so it is read whole and narrowed here; callers page the result.
 */
export async function findTenantsInDirectory(
  db: Executor,
  filter: TenantDirectoryFilter,
): Promise<TenantDirectoryRow[]> {
  const needle = filter.query.toLocaleLowerCase("id");
  const holdsNeedle = (text: string) => text.toLocaleLowerCase("id").includes(needle);
  return (await listTenantDirectory(db))
    .filter((tenant) => filter.status === undefined || tenant.status === filter.status)
    .filter((tenant) =>
      [tenant.displayName, tenant.slug, tenant.regionName, tenant.provinceName].some(holdsNeedle),
    )
    .sort((a, b) => a.displayName.localeCompare(b.displayName, "id"));
}

export function findRegion(db: Executor, code: string) {
  return db
    .select({
      code: regencies.code,
      name: regencies.name,
      provinceName: provinces.name,
      timeZone: provinces.timeZone,
    })
    .from(regencies)
    .innerJoin(provinces, eq(provinces.code, regencies.provinceCode))
    .where(eq(regencies.code, code))
    .then((rows) => rows[0]);
}

export type CreateTenantResult =
  | { created: true; tenantId: string; tenantTx: TenantTx }
  | { created: false; taken: "regionCode" | "slug" | null };

/**
 * Creates a tenant in `onboarding` through create_tenant() and makes it the tenant of `tx`
 * (`app.tenant_id`, transaction-local, as `withTenant` sets it), so the first admin's invitation
 * and the tenant's first audit row are written in the same transaction: a failure leaves no tenant
 * behind. `tenantTx` is `tx` branded as the new tenant's, for the tenant queries that follow.
 * `taken` says which unique field collided; null means the region does not exist.
 * `sessionToken` is the acting platform admin's raw cookie token, which create_tenant() checks.
 */
export async function createTenantIn(
  tx: Transaction,
  sessionToken: string,
  tenant: { regionCode: string; slug: string; displayName: string },
): Promise<CreateTenantResult> {
  let tenantId: string | null | undefined;
  try {
    const rows = await tx.execute<{ id: string | null }>(
      sql`select create_tenant(${sessionToken}, ${tenant.regionCode}, ${tenant.slug}, ${tenant.displayName}) as id`,
    );
    tenantId = rows[0]?.id;
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === "tenants_regionCode_unique") return { created: false, taken: "regionCode" };
    if (constraint === "tenants_slug_unique") return { created: false, taken: "slug" };
    throw error;
  }
  if (!tenantId) return { created: false, taken: null };
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
  return { created: true, tenantId, tenantTx: tx as TenantTx };
}
