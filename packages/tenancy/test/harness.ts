import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createDatabase } from "@sigap/db/client";
import { asTenantId, type TenantId } from "../src/index.ts";

/** What the test run's global setup (tooling/dev/src/vitest/global-setup.ts) hands every test. */
export interface TestDatabaseUrls {
  /** sigap_owner: arranges and inspects data, bypassing RLS. */
  ownerUrl: string;
  /** sigap_app: the runtime role, subject to RLS. */
  appUrl: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrls: TestDatabaseUrls;
  }
}

export interface TestTenant {
  id: TenantId;
  slug: string;
  regionCode: string;
}

/**
 * Two pools on the run's throwaway database: `owner` (sigap_owner, bypasses RLS: for arranging
 * and inspecting data) and `app` (sigap_app, what the product runs as: subject to RLS).
 */
export function connectTestDatabase() {
  const urls = inject("databaseUrls");
  const owner = createDatabase(urls.ownerUrl, { max: 2, applicationName: "sigap-test-owner" });
  const app = createDatabase(urls.appUrl, { max: 2, applicationName: "sigap-test-app" });
  return {
    urls,
    owner,
    app,
    close: async () => {
      await Promise.all([owner.close(), app.close()]);
    },
  };
}

/**
 * Creates a tenant for a region nobody holds yet. Test files run in parallel, so two may race for
 * one region; the unique constraint settles it and the loser tries another. The default status,
 * `prospect`, leaves the national live and onboarding counts alone, which other files assert on.
 */
export async function createTestTenant(
  owner: ReturnType<typeof createDatabase>,
  status: "prospect" | "onboarding" | "live" | "suspended" = "prospect",
): Promise<TestTenant> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const slug = `test-${randomUUID().slice(0, 8)}`;
    const rows = await owner.sql<{ id: string; region_code: string }[]>`
      insert into tenants (region_code, slug, display_name, status, launched_at, time_zone)
      select r.code, ${slug}, ${`Tenant ${slug}`}, ${status}::tenant_status,
             case when ${status} in ('live', 'suspended') then now() end, p.time_zone
        from regencies r join provinces p on p.code = r.province_code
       where r.code not in (select region_code from tenants)
       order by random()
       limit 1
      on conflict do nothing
      returning id, region_code`;
    const row = rows[0];
    if (row) return { id: asTenantId(row.id), slug, regionCode: row.region_code };
  }
  throw new Error("could not find a free region for a test tenant");
}

export async function deleteTestTenants(
  owner: ReturnType<typeof createDatabase>,
  tenants: TestTenant[],
): Promise<void> {
  const ids = tenants.map((tenant) => tenant.id);
  if (ids.length > 0) await owner.sql`delete from tenants where id = any(${ids})`;
}
