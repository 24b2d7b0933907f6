import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { asTenantId } from "@sigap/tenancy";
import { sessionCookieFrom, testClient, type TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import {
  auditRows,
  createTestPerson,
  deleteTestPeople,
  latestMail,
  testPassword,
  uniqueEmail,
  type SignedInTestPerson,
} from "../people.ts";

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
  if (data)
    created.push({
      id: asTenantId(data.tenantId),
      slug: data.slug,
      regionCode: String(input.regionCode),
    });
  return reply;
}

beforeAll(async () => {
  otherTenant = await createTestTenant(owner);
  platformAdmin = await createTestPerson(owner, { platformRole: "platform_admin", signedIn: true });
  ministryViewer = await createTestPerson(owner, {
    platformRole: "ministry_viewer",
    signedIn: true,
  });
  tenantAdmin = await createTestPerson(owner, {
    memberships: [{ tenantId: otherTenant.id, role: "tenant_admin" }],
    signedIn: true,
  });
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
    const reply = await createTenant(as(platformAdmin), {
      regionCode: region.code,
      slug,
      adminEmail: adminEmail.toUpperCase(),
      adminName: "Rina Marlina",
    });
    expect(reply.status, reply.message).toBe(200);
    const data = reply.data as { tenantId: string; invitation: { id: string; email: string } };
    expect(data).toMatchObject({
      slug,
      displayName: region.name,
      status: "onboarding",
      invitation: { email: adminEmail },
    });

    const [tenant] = await owner.sql<
      { status: string; region_code: string; display_name: string; launched_at: Date | null }[]
    >`
      select status, region_code, display_name, launched_at from tenants where id = ${data.tenantId}`;
    expect(tenant).toEqual({
      status: "onboarding",
      region_code: region.code,
      display_name: region.name,
      launched_at: null,
    });
    const invitations =
      await owner.sql`select email, role from invitations where tenant_id = ${data.tenantId}`;
    expect(invitations).toEqual([{ email: adminEmail, role: "tenant_admin" }]);

    const mail = await latestMail(owner, adminEmail, "http://localhost:3000/invite/");
    expect(mail.subject).toContain(region.name);
    expect(mail.text).toContain("You have been invited");

    const [platformRow] = await auditRows(
      owner,
      "platform_audit_log",
      "tenants.create",
      data.tenantId,
    );
    expect(platformRow).toMatchObject({
      actor_user_id: platformAdmin.id,
      actor_role: "platform_admin",
      diff: {
        after: {
          regionCode: region.code,
          slug,
          status: "onboarding",
          firstAdmin: { email: adminEmail, name: "Rina Marlina" },
        },
      },
    });
    expect(await auditRows(owner, "audit_log", "tenants.create", data.tenantId)).toEqual([
      expect.objectContaining({ tenant_id: data.tenantId, actor_role: "platform_admin" }),
    ]);
    expect(await auditRows(owner, "audit_log", "users.invite", data.invitation.id)).toHaveLength(1);

    // The invitee accepts and is the new tenant's admin.
    const accepted = await testClient(api.url).call("mutation", "invitations.accept", {
      token: mail.token,
      displayName: "Rina Marlina",
      password: testPassword,
    });
    expect(accepted.status, accepted.message).toBe(200);
    const me = await testClient(api.url, { cookie: sessionCookieFrom(accepted.setCookie) }).call(
      "query",
      "auth.me",
    );
    expect(me.data).toMatchObject({ tenants: [{ slug, role: "tenant_admin" }] });
  });

  it("is for platform admins only", async () => {
    const region = await freeRegion();
    const input = {
      regionCode: region.code,
      slug: slugFor("x"),
      adminEmail: uniqueEmail("nobody"),
    };
    expect((await createTenant(as(ministryViewer), input)).code).toBe("FORBIDDEN");
    expect((await createTenant(as(tenantAdmin), input)).code).toBe("FORBIDDEN");
    expect((await createTenant(testClient(api.url), input)).code).toBe("UNAUTHORIZED");
    const [row] = await owner.sql`select 1 from tenants where region_code = ${region.code}`;
    expect(row).toBeUndefined();
  });

  it("refuses a region that already has a tenant, naming regionCode, and leaves nothing behind", async () => {
    const region = await freeRegion();
    expect(
      (
        await createTenant(as(platformAdmin), {
          regionCode: region.code,
          slug: slugFor("one"),
          adminEmail: uniqueEmail("a"),
        })
      ).status,
    ).toBe(200);
    const secondEmail = uniqueEmail("b");
    const again = await createTenant(as(platformAdmin), {
      regionCode: region.code,
      slug: slugFor("two"),
      adminEmail: secondEmail,
    });
    expect(again.code).toBe("CONFLICT");
    expect(again.issues).toMatchObject([
      {
        path: "regionCode",
        message: `${region.name} (${region.code}) already has a tenant; a region holds one tenant only`,
        reason: "taken",
      },
    ]);
    expect(await owner.sql`select 1 from mail_outbox where "to" = ${secondEmail}`).toHaveLength(0);
  });

  it("refuses a slug already in use, naming slug", async () => {
    const first = await freeRegion();
    const slug = slugFor("dup");
    expect(
      (
        await createTenant(as(platformAdmin), {
          regionCode: first.code,
          slug,
          adminEmail: uniqueEmail("c"),
        })
      ).status,
    ).toBe(200);
    const other = await freeRegion();
    const again = await createTenant(as(platformAdmin), {
      regionCode: other.code,
      slug,
      adminEmail: uniqueEmail("d"),
    });
    expect(again.code).toBe("CONFLICT");
    expect(again.issues).toMatchObject([
      {
        path: "slug",
        message: `The slug ${slug} is already used by another tenant`,
        reason: "taken",
      },
    ]);
    expect(await owner.sql`select 1 from tenants where region_code = ${other.code}`).toHaveLength(
      0,
    );
  });

  it("names each bad field", async () => {
    const reply = await createTenant(as(platformAdmin), {
      regionCode: "99.99",
      slug: "Kab Padang",
      adminEmail: "not-an-email",
    });
    expect(reply.code).toBe("BAD_REQUEST");
    expect(reply.issues?.map((issue) => issue.path).sort()).toMatchObject(["adminEmail", "slug"]);
    const unknown = await createTenant(as(platformAdmin), {
      regionCode: "99.99",
      slug: "nowhere",
      adminEmail: uniqueEmail("e"),
    });
    expect(unknown.issues).toMatchObject([
      { path: "regionCode", message: "No kabupaten/kota has the code 99.99" },
    ]);
  });
});

describe("picking a region", () => {
  it("finds regions by name or code and marks those that already have a tenant", async () => {
    const region = await freeRegion();
    const slug = slugFor("picked");
    expect(
      (
        await createTenant(as(platformAdmin), {
          regionCode: region.code,
          slug,
          adminEmail: uniqueEmail("f"),
        })
      ).status,
    ).toBe(200);
    const byName = await as(platformAdmin).call("query", "tenants.regions", {
      query: region.name.replace(/^(Kabupaten|Kota) /, ""),
      provinceCode: "13",
    });
    expect(byName.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: region.code, tenant: { slug, status: "onboarding" } }),
      ]),
    );
    const byCode = await as(platformAdmin).call("query", "tenants.regions", { query: "13." });
    const rows = byCode.data as { code: string; tenant: unknown }[];
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.find((row) => row.code === region.code)?.tenant).toEqual({
      slug,
      status: "onboarding",
    });
    expect(rows.some((row) => row.tenant === null)).toBe(true);
    expect((await as(ministryViewer).call("query", "tenants.regions", { query: "13." })).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("finding a tenant to help", () => {
  it("finds tenants by name or slug, by name, for platform admins only", async () => {
    await owner.sql`update tenants set display_name = 'Call Center 112 Zamrud Uji' where id = ${otherTenant.id}`;
    const byName = await as(platformAdmin).call("query", "tenants.search", { query: "zamrud uji" });
    expect(byName.status, byName.message).toBe(200);
    expect(byName.data).toMatchObject({
      tenants: [
        { slug: otherTenant.slug, displayName: "Call Center 112 Zamrud Uji", status: "prospect" },
      ],
      total: 1,
    });
    const bySlug = (
      await as(platformAdmin).call("query", "tenants.search", {
        query: otherTenant.slug.toUpperCase(),
      })
    ).data as { tenants: { slug: string }[] };
    expect(bySlug.tenants.map((tenant) => tenant.slug)).toEqual([otherTenant.slug]);

    // Without a query, the first 20 by name, and how many there are to narrow down from.
    const all = (await as(platformAdmin).call("query", "tenants.search", {})).data as {
      tenants: { displayName: string }[];
      total: number;
    };
    expect(all.total).toBeGreaterThan(1);
    expect(all.tenants.length).toBe(Math.min(20, all.total));
    const names = all.tenants.map((tenant) => tenant.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "id")));

    expect(
      (await as(ministryViewer).call("query", "tenants.search", { query: "zamrud" })).code,
    ).toBe("FORBIDDEN");
    expect((await as(tenantAdmin).call("query", "tenants.search", { query: "zamrud" })).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await as(platformAdmin).call("query", "tenants.search", { query: "x".repeat(101) })).issues,
    ).toMatchObject([{ path: "query", message: "query must have at most 100 characters" }]);
  });

  it("tells a platform admin a tenant's name and time zone by slug", async () => {
    const found = await as(platformAdmin).call("query", "tenants.get", { slug: otherTenant.slug });
    expect(found.status, found.message).toBe(200);
    const [row] = await owner.sql<
      { display_name: string; time_zone: string }[]
    >`select display_name, time_zone from tenants where id = ${otherTenant.id}`;
    expect(found.data).toEqual({
      slug: otherTenant.slug,
      displayName: row?.display_name,
      timeZone: row?.time_zone,
      status: "prospect",
    });
    expect(
      (await as(platformAdmin).call("query", "tenants.get", { slug: "no-such-region" })).code,
    ).toBe("NOT_FOUND");
    expect(
      (await as(tenantAdmin).call("query", "tenants.get", { slug: otherTenant.slug })).code,
    ).toBe("FORBIDDEN");
  });
});

describe("the platform's tenant list", () => {
  type ListReply = {
    tenants: { slug: string; tenantName: string; regionName: string; status: string }[];
    total: number;
    page: number;
    pageSize: number;
  };
  const list = async (input: Record<string, unknown>) => {
    const reply = await as(platformAdmin).call("query", "tenants.list", input);
    expect(reply.status, reply.message).toBe(200);
    return reply.data as ListReply;
  };

  it("pages the tenants a search and a status select, by name, and says how many matched", async () => {
    // Three tenants only this test names; other files create tenants of their own meanwhile.
    const marker = `Daftar ${Math.random().toString(36).slice(2, 8)}`;
    const [gamma, alfa, beta] = await Promise.all([
      createTestTenant(owner, "live"),
      createTestTenant(owner, "onboarding"),
      createTestTenant(owner, "live"),
    ]);
    const named = [
      [alfa, "Alfa"],
      [beta, "Beta"],
      [gamma, "Gamma"],
    ] as const;
    for (const [tenant, name] of named) {
      created.push(tenant);
      await owner.sql`update tenants set display_name = ${`Uji ${marker} ${name}`} where id = ${tenant.id}`;
    }

    const first = await list({ query: marker.toUpperCase(), pageSize: 2 });
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.tenants.map((tenant) => tenant.slug)).toEqual([alfa.slug, beta.slug]);
    const second = await list({ query: marker, pageSize: 2, page: 2 });
    expect(second.tenants.map((tenant) => tenant.slug)).toEqual([gamma.slug]);
    expect(await list({ query: marker, pageSize: 2, page: 3 })).toMatchObject({
      tenants: [],
      total: 3,
    });

    const live = await list({ query: marker, status: "live" });
    expect(live.tenants.map((tenant) => tenant.slug)).toEqual([beta.slug, gamma.slug]);
    expect(live.total).toBe(2);

    // By region name too (other regions' names may hold it as well).
    const [region] = await owner.sql<
      { name: string }[]
    >`select name from regencies where code = ${alfa.regionCode}`;
    const byRegion = await list({ query: region?.name, pageSize: 100 });
    expect(byRegion.tenants.find((tenant) => tenant.slug === alfa.slug)).toMatchObject({
      tenantName: `Uji ${marker} Alfa`,
      regionName: region?.name,
      status: "onboarding",
    });

    // Without a search, the first page of 25 by name.
    const all = await list({});
    expect(all).toMatchObject({ page: 1, pageSize: 25 });
    expect(all.tenants.length).toBe(Math.min(25, all.total));
    const names = all.tenants.map((tenant) => tenant.tenantName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "id")));
  });

  it("is for platform admins only", async () => {
    expect((await as(ministryViewer).call("query", "tenants.list", {})).code).toBe("FORBIDDEN");
    expect((await as(tenantAdmin).call("query", "tenants.list", {})).code).toBe("FORBIDDEN");
    expect((await testClient(api.url).call("query", "tenants.list", {})).code).toBe("UNAUTHORIZED");
  });

  it("names each bad field", async () => {
    const bad = [
      [{ page: 0 }, "page", "page must be at least 1"],
      [{ page: 1.5 }, "page", "page must be a whole number"],
      [{ pageSize: 0 }, "pageSize", "pageSize must be at least 1"],
      [{ pageSize: 101 }, "pageSize", "pageSize must be at most 100"],
      [{ query: "x".repeat(101) }, "query", "query must have at most 100 characters"],
      [{ status: "open" }, "status", "status must be one of prospect, onboarding, live, suspended"],
    ] as const;
    for (const [input, path, message] of bad) {
      const reply = await as(platformAdmin).call("query", "tenants.list", input);
      expect(reply.code).toBe("BAD_REQUEST");
      expect(reply.issues).toMatchObject([{ path, message }]);
    }
  });
});
