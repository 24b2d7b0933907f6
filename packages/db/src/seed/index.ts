import postgres from "postgres";
import { nationalTemplate } from "@sigap/sop-engine";
import { seedDemoBilling } from "./demo-billing.ts";
import { demoTenants } from "./demo-tenants.ts";
import { demoTrunks } from "./demo-trunks.ts";
import { demoAgencyId, demoPasswordHash, demoUsers } from "./demo-users.ts";
import { seedRegions } from "./regions.ts";

export { seedRegions } from "./regions.ts";
export { demoPassword, demoUsers } from "./demo-users.ts";
export { demoTrunks } from "./demo-trunks.ts";
export { kecamatanOf, randomPointIn, type Kecamatan } from "../kecamatan.ts";

export interface SeedResult {
  regionsLoaded: boolean;
  tenantsCreated: number;
  usersCreated: number;
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
      // Launched demo regions dispatch with the national SOP as their version 1 (and a draft of it).
      for (const status of ["published", "draft"] as const) {
        await tx`
          insert into sop_versions (tenant_id, status, number, based_on_number, ruleset, note, published_at)
          select t.id, ${status}::sop_version_status,
                 case when ${status} = 'published' then 1 end, case when ${status} = 'draft' then 1 end,
                 ${tx.json(nationalTemplate)}::jsonb
                   || jsonb_build_object('timeZone', t.time_zone::text, 'name', 'SOP ' || t.display_name),
                 case when ${status} = 'published' then 'Versi pertama dari templat nasional' end,
                 case when ${status} = 'published' then t.launched_at end
            from tenants t
           where t.slug in ${tx(demoTenants.map((tenant) => tenant.slug))} and t.launched_at is not null
          on conflict do nothing`;
      }
      await tx`
        insert into tenant_onboarding (tenant_id, sop_template, sop_chosen_at)
        select t.id, 'national-default', t.launched_at from tenants t
         where t.slug in ${tx(demoTenants.map((tenant) => tenant.slug))} and t.launched_at is not null
        on conflict do nothing`;
      await tx`
        insert into phone_trunks (tenant_id, id, name, carrier, sip_host, max_channels, auth, allowed_addresses, status)
        select t.id, d.id, 'Trunk demo ' || t.display_name, d.carrier::carrier, '127.0.0.1', 30, 'ip_allow_list', array['127.0.0.1'], 'active'
          from jsonb_to_recordset(${tx.json(demoTrunks.map(({ slug, id, carrier }) => ({ slug, id, carrier })))}) as d(slug text, id uuid, carrier text)
          join tenants t on t.slug = d.slug
        on conflict do nothing`;
      await tx`
        insert into did_routes (did, owner_tenant_id, trunk_id)
        select d.did, t.id, d.trunk_id
          from jsonb_to_recordset(${tx.json(demoTrunks.flatMap(({ slug, id, dids }) => dids.map((did) => ({ slug, trunk_id: id, did }))))})
            as d(slug text, trunk_id uuid, did text)
          join tenants t on t.slug = d.slug
        on conflict do nothing`;
      const users = await tx<{ id: string }[]>`
        insert into users (email, display_name, platform_role, password_hash)
        select u.email, u.display_name, u.platform_role::platform_role, ${demoPasswordHash}
          from jsonb_to_recordset(${tx.json(demoUsers.map((u) => ({ email: u.email, display_name: u.displayName, platform_role: u.platformRole })))})
            as u(email text, display_name text, platform_role text)
        on conflict do nothing
        returning id`;
      // Memberships name an agency of their own tenant (a tenant-scoped key), so it comes first.
      await tx`
        insert into agencies (tenant_id, id, agency_type, name)
        select t.id, ${demoAgencyId}, 'damkar', 'Damkar Kabupaten Sidoarjo' from tenants t where t.slug = 'sidoarjo'
        on conflict do nothing`;
      const memberships = demoUsers.flatMap((u) =>
        u.memberships.map((m) => ({
          email: u.email,
          slug: m.slug,
          role: m.role,
          agency_id: "agencyId" in m ? m.agencyId : null,
        })),
      );
      await tx`
        insert into memberships (tenant_id, user_id, role, agency_id)
        select t.id, u.id, m.role::membership_role, m.agency_id
          from jsonb_to_recordset(${tx.json(memberships)}) as m(email text, slug text, role text, agency_id uuid)
          join users u on u.email = m.email
          join tenants t on t.slug = m.slug
        on conflict do nothing`;
      await seedDemoBilling(tx);
      return { regionsLoaded, tenantsCreated: created.length, usersCreated: users.length };
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
