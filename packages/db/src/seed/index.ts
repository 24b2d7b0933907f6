import postgres from "postgres";
import { demoTenants } from "./demo-tenants.ts";
import { seedRegions } from "./regions.ts";

export { seedRegions } from "./regions.ts";

export interface SeedResult {
  regionsLoaded: boolean;
  tenantsCreated: number;
}

/**
 * Loads reference data and the demo tenants, as the owner role, in one transaction: either all of
 * it lands or none does. Existing rows are kept, so it is safe on every start.
 */
export async function seedDemo(ownerUrl: string): Promise<SeedResult> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin(async (tx) => {
      const regionsLoaded = await seedRegions(tx);
      const created = await tx<{ id: string }[]>`
        insert into tenants (region_code, slug, display_name, status, launched_at, time_zone)
        select d.region_code, d.slug, d.display_name, d.status::tenant_status, d.launched_at, p.time_zone
          from jsonb_to_recordset(${tx.json(demoTenants.map(toRecord))})
            as d(region_code text, slug text, display_name text, status text, launched_at timestamptz)
          join regencies r on r.code = d.region_code
          join provinces p on p.code = r.province_code
        on conflict do nothing
        returning id`;
      await tx`
        insert into tenant_settings (tenant_id, key, value)
        select id, 'default_locale', 'id' from tenants
        on conflict do nothing`;
      return { regionsLoaded, tenantsCreated: created.length };
    });
  } finally {
    await sql.end();
  }
}

function toRecord(tenant: (typeof demoTenants)[number]) {
  return {
    region_code: tenant.regionCode,
    slug: tenant.slug,
    display_name: tenant.displayName,
    status: tenant.status,
    launched_at: tenant.launchedAt,
  };
}
