import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { asTenantId } from "@sigap/tenancy";
import { sessionCookieFrom, testClient, type TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import { auditRows, createTestPerson, deleteTestPeople, latestMail, testPassword, uniqueEmail, type SignedInTestPerson } from "../people.ts";

const { api, database } = useTestApi();
const { owner } = database;
const created: TestTenant[] = [];
let platformAdmin: SignedInTestPerson;
let ministryViewer: SignedInTestPerson;
let tenantAdmin: SignedInTestPerson;
let otherTenant: TestTenant;

// Regions of Sumatera Barat (13): other files pick theirs at random or elsewhere, so a clash is rare.
async function freeRegion(): Promise<{ code: string; name: string }> {
  const [region] = await owner.sql<{ code: string; name: string }[]>`
    select code, name from regencies
     where province_code = '13' and code not in (select region_code from tenants)
     order by random() limit 1`;
  if (!region) throw new Error("no free region left in province 13");
  return region;
}

const slugFor = (label: string) => `${label}-${Math.random().toString(36).slice(2, 8)}`;

function as(person: { cookie: string }): TestClient {
  return testClient(api.url, { cookie: person.cookie });
}

async function createTenant(client: TestClient, input: Record<string, unknown>) {
  const reply = await client.call("mutation", "tenants.create", input);
  const data = reply.data as { tenantId: string; slug: string } | undefined;
  if (data) created.push({ id: asTenantId(data.tenantId), slug: data.slug, regionCode: String(input.regionCode) });
  return reply;
}

beforeAll(async () => {
  otherTenant = await createTestTenant(owner);
  platformAdmin = await createTestPerson(owner, { platformRole: "platform_admin", signedIn: true });
  ministryViewer = await createTestPerson(owner, { platformRole: "ministry_viewer", signedIn: true });
  tenantAdmin = await createTestPerson(owner, { memberships: [{ tenantId: otherTenant.id, role: "tenant_admin" }], signedIn: true });
});

afterAll(async () => {
  await deleteTestTenants(owner, [...created, otherTenant]);
  await deleteTestPeople(owner, [platformAdmin, ministryViewer, tenantAdmin]);
});

describe("creating a tenant", () => {
  it("creates it in onboarding, named after its region, and invites its first admin", async () => {
    const region = await freeRegion();
    const adminEmail = uniqueEmail("first-admin");
    const slug = slugFor("padang");
    const reply = await createTenant(as(platformAdmin), { regionCode: region.code, slug, adminEmail: adminEmail.toUpperCase(), adminName: "Rina Marlina" });
    expect(reply.status, reply.message).toBe(200);
    const data = reply.data as { tenantId: string; invitation: { id: string; email: string } };
    expect(data).toMatchObject({ slug, displayName: region.name, status: "onboarding", invitation: { email: adminEmail } });

    const [tenant] = await owner.sql<{ status: string; region_code: string; display_name: string; launched_at: Date | null }[]>`
      select status, region_code, display_name, launched_at from tenants where id = ${data.tenantId}`;
    expect(tenant).toEqual({ status: "onboarding", region_code: region.code, display_name: region.name, launched_at: null });
    const invitations = await owner.sql`select email, role from invitations where tenant_id = ${data.tenantId}`;
    expect(invitations).toEqual([{ email: adminEmail, role: "tenant_admin" }]);

    const mail = await latestMail(owner, adminEmail, "http://localhost:3000/invite/");
    expect(mail.subject).toContain(region.name);
    expect(mail.text).toContain("You have been invited");

    const [platformRow] = await auditRows(owner, "platform_audit_log", "tenants.create", data.tenantId);
    expect(platformRow).toMatchObject({
      actor_user_id: platformAdmin.id,
      actor_role: "platform_admin",
      diff: { after: { regionCode: region.code, slug, status: "onboarding", firstAdmin: { email: adminEmail, name: "Rina Marlina" } } },
    });
    expect(await auditRows(owner, "audit_log", "tenants.create", data.tenantId)).toEqual([
      expect.objectContaining({ tenant_id: data.tenantId, actor_role: "platform_admin" }),
    ]);
    expect(await auditRows(owner, "audit_log", "users.invite", data.invitation.id)).toHaveLength(1);

    // The invitee accepts and is the new tenant's admin.
    const accepted = await testClient(api.url).call("mutation", "invitations.accept", { token: mail.token, displayName: "Rina Marlina", password: testPassword });
    expect(accepted.status, accepted.message).toBe(200);
    const me = await testClient(api.url, { cookie: sessionCookieFrom(accepted.setCookie) }).call("query", "auth.me");
    expect(me.data).toMatchObject({ tenants: [{ slug, role: "tenant_admin" }] });
  });

  it("is for platform admins only", async () => {
    const region = await freeRegion();
    const input = { regionCode: region.code, slug: slugFor("x"), adminEmail: uniqueEmail("nobody") };
    expect((await createTenant(as(ministryViewer), input)).code).toBe("FORBIDDEN");
    expect((await createTenant(as(tenantAdmin), input)).code).toBe("FORBIDDEN");
    expect((await createTenant(testClient(api.url), input)).code).toBe("UNAUTHORIZED");
    const [row] = await owner.sql`select 1 from tenants where region_code = ${region.code}`;
    expect(row).toBeUndefined();
  });

  it("refuses a region that already has a tenant, naming regionCode, and leaves nothing behind", async () => {
    const region = await freeRegion();
    expect((await createTenant(as(platformAdmin), { regionCode: region.code, slug: slugFor("one"), adminEmail: uniqueEmail("a") })).status).toBe(200);
    const secondEmail = uniqueEmail("b");
    const again = await createTenant(as(platformAdmin), { regionCode: region.code, slug: slugFor("two"), adminEmail: secondEmail });
    expect(again.code).toBe("CONFLICT");
    expect(again.issues).toEqual([{ path: "regionCode", message: `${region.name} (${region.code}) already has a tenant; a region holds one tenant only` }]);
    expect(await owner.sql`select 1 from mail_outbox where "to" = ${secondEmail}`).toHaveLength(0);
  });

  it("refuses a slug already in use, naming slug", async () => {
    const first = await freeRegion();
    const slug = slugFor("dup");
    expect((await createTenant(as(platformAdmin), { regionCode: first.code, slug, adminEmail: uniqueEmail("c") })).status).toBe(200);
    const other = await freeRegion();
    const again = await createTenant(as(platformAdmin), { regionCode: other.code, slug, adminEmail: uniqueEmail("d") });
    expect(again.code).toBe("CONFLICT");
    expect(again.issues).toEqual([{ path: "slug", message: `The slug ${slug} is already used by another tenant` }]);
    expect(await owner.sql`select 1 from tenants where region_code = ${other.code}`).toHaveLength(0);
  });

  it("names each bad field", async () => {
    const reply = await createTenant(as(platformAdmin), { regionCode: "99.99", slug: "Kab Padang", adminEmail: "not-an-email" });
    expect(reply.code).toBe("BAD_REQUEST");
    expect(reply.issues?.map((issue) => issue.path).sort()).toEqual(["adminEmail", "slug"]);
    const unknown = await createTenant(as(platformAdmin), { regionCode: "99.99", slug: "nowhere", adminEmail: uniqueEmail("e") });
    expect(unknown.issues).toEqual([{ path: "regionCode", message: "No kabupaten/kota has the code 99.99" }]);
  });
});

describe("picking a region", () => {
  it("finds regions by name or code and marks those that already have a tenant", async () => {
    const region = await freeRegion();
    const slug = slugFor("picked");
    expect((await createTenant(as(platformAdmin), { regionCode: region.code, slug, adminEmail: uniqueEmail("f") })).status).toBe(200);
    const byName = await as(platformAdmin).call("query", "tenants.regions", { query: region.name.replace(/^(Kabupaten|Kota) /, ""), provinceCode: "13" });
    expect(byName.data).toEqual(expect.arrayContaining([expect.objectContaining({ code: region.code, tenant: { slug, status: "onboarding" } })]));
    const byCode = await as(platformAdmin).call("query", "tenants.regions", { query: "13." });
    const rows = byCode.data as { code: string; tenant: unknown }[];
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.find((row) => row.code === region.code)?.tenant).toEqual({ slug, status: "onboarding" });
    expect(rows.some((row) => row.tenant === null)).toBe(true);
    expect((await as(ministryViewer).call("query", "tenants.regions", { query: "13." })).code).toBe("FORBIDDEN");
  });
});
