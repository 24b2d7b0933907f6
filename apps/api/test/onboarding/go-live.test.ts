import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asTenantId } from "@sigap/tenancy";
import { deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { templatePrimaryAgencyTypes as requiredAgencyTypes } from "../../src/sop/required-agencies.ts";
import { testClient, type TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import {
  auditRows,
  createTestPerson,
  deleteTestPeople,
  uniqueEmail,
  type TestPerson,
  type SignedInTestPerson,
} from "../people.ts";

const { api, database } = useTestApi();
const { owner } = database;
const tenants: TestTenant[] = [];
const people: TestPerson[] = [];
let platformAdmin: SignedInTestPerson;

/** A tenant made the real way (onboarding), in Sumatera Utara (12) so other files' counts stay put. */
async function onboardingTenant(): Promise<TestTenant> {
  const [region] = await owner.sql<{ code: string }[]>`
    select code from regencies where province_code = '12' and code not in (select region_code from tenants) order by random() limit 1`;
  if (!region) throw new Error("no free region left in province 12");
  const slug = `golive-${Math.random().toString(36).slice(2, 8)}`;
  const reply = await testClient(api.url, { cookie: platformAdmin.cookie }).call(
    "mutation",
    "tenants.create",
    {
      regionCode: region.code,
      slug,
      adminEmail: uniqueEmail("golive-admin"),
    },
  );
  if (reply.status !== 200) throw new Error(`tenants.create failed: ${String(reply.message)}`);
  const tenant = {
    id: asTenantId((reply.data as { tenantId: string }).tenantId),
    slug,
    regionCode: region.code,
  };
  tenants.push(tenant);
  return tenant;
}

async function member(
  tenant: TestTenant,
  role: "tenant_admin" | "operator" | "supervisor",
): Promise<SignedInTestPerson> {
  const person = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role }],
    signedIn: true,
  });
  people.push(person);
  return person;
}

interface Checklist {
  status: string;
  launchedAt: string | null;
  ready: boolean;
  items: { key: string; ok: boolean; detail: string }[];
}

beforeAll(async () => {
  platformAdmin = await createTestPerson(owner, { platformRole: "platform_admin", signedIn: true });
  people.push(platformAdmin);
});
afterAll(async () => {
  await deleteTestTenants(owner, tenants);
  await deleteTestPeople(owner, people);
});

describe("the go-live checklist", () => {
  let tenant: TestTenant;
  let admin: TestClient;
  const checklist = async () => {
    const reply = await admin.call("query", "onboarding.checklist", { tenantSlug: tenant.slug });
    expect(reply.status, reply.message).toBe(200);
    return reply.data as Checklist;
  };
  const passing = async () =>
    Object.fromEntries((await checklist()).items.map((item) => [item.key, item.ok]));
  const goLive = () => admin.call("mutation", "onboarding.goLive", { tenantSlug: tenant.slug });

  beforeAll(async () => {
    tenant = await onboardingTenant();
    admin = testClient(api.url, { cookie: (await member(tenant, "tenant_admin")).cookie });
  });

  it("starts with every item failing, and go-live is refused naming them", async () => {
    const start = await checklist();
    expect(start).toMatchObject({ status: "onboarding", launchedAt: null, ready: false });
    expect(start.items.map((item) => [item.key, item.ok])).toEqual([
      ["branding", false],
      ["trunk", false],
      ["agencies", false],
      ["operators", false],
      ["supervisor", false],
      ["sop", false],
    ]);
    const refused = await goLive();
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(
      "The go-live checklist is not met: branding, trunk, agencies, operators, supervisor, sop",
    );
  });

  it("passes branding once colours and a logo are saved", async () => {
    const branding = (input: Record<string, unknown>) =>
      admin.call("mutation", "branding.update", { tenantSlug: tenant.slug, ...input });
    expect((await branding({ primaryColor: "#b91c1c", accentColor: "#1e3a8a" })).status).toBe(200);
    expect((await checklist()).items[0]).toEqual({
      key: "branding",
      ok: false,
      missing: ["logo"],
      detail: "Missing: logo",
    });
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
    expect((await branding({ logoBase64: Buffer.from(svg).toString("base64") })).status).toBe(200);
    expect((await passing()).branding).toBe(true);
  });

  it("passes the trunk item only for an active trunk", async () => {
    const [trunk] = await owner.sql<{ id: string }[]>`
      insert into phone_trunks (tenant_id, name, carrier, sip_host, max_channels, auth, allowed_addresses, status)
      values (${tenant.id}, 'Telkomsel utama', 'telkomsel', 'sip.example.test', 30, 'ip_allow_list', array['203.0.113.10'], 'testing')
      returning id`;
    expect((await passing()).trunk).toBe(false);
    await owner.sql`update phone_trunks set status = 'active' where tenant_id = ${tenant.id} and id = ${trunk?.id ?? ""}`;
    expect((await passing()).trunk).toBe(true);
  });

  it("passes agencies when every type the SOP dispatches has an active agency with a contact", async () => {
    expect(requiredAgencyTypes).toEqual(
      expect.arrayContaining(["damkar", "psc119", "polres", "bpbd"]),
    );
    const [last, ...others] = requiredAgencyTypes;
    for (const type of others) {
      const [agency] = await owner.sql<{ id: string }[]>`
        insert into agencies (tenant_id, agency_type, name) values (${tenant.id}, ${type}, ${`Agency ${type}`}) returning id`;
      await owner.sql`insert into agency_contacts (tenant_id, agency_id, kind, value) values (${tenant.id}, ${agency?.id ?? ""}, 'phone', '+62315551234')`;
    }
    // The last type: first without a contact, then with one but inactive, then active.
    const [agency] = await owner.sql<{ id: string }[]>`
      insert into agencies (tenant_id, agency_type, name) values (${tenant.id}, ${last ?? ""}, 'Last agency') returning id`;
    const item = async () => (await checklist()).items.find((entry) => entry.key === "agencies");
    expect(await item()).toMatchObject({
      ok: false,
      detail: expect.stringContaining(
        `No active agency with a contact for: ${last ?? ""} (`,
      ) as unknown,
    });
    await owner.sql`update agencies set active = false where tenant_id = ${tenant.id} and id = ${agency?.id ?? ""}`;
    await owner.sql`insert into agency_contacts (tenant_id, agency_id, kind, value) values (${tenant.id}, ${agency?.id ?? ""}, 'email', 'posko@example.test')`;
    expect((await item())?.ok).toBe(false);
    await owner.sql`update agencies set active = true where tenant_id = ${tenant.id} and id = ${agency?.id ?? ""}`;
    expect((await item())?.ok).toBe(true);
  });

  it("needs two active operators and a supervisor, and counts the invited apart", async () => {
    await member(tenant, "operator");
    const invited = await admin.call("mutation", "users.invite", {
      tenantSlug: tenant.slug,
      email: uniqueEmail("invited-operator"),
      role: "operator",
    });
    expect(invited.status, invited.message).toBe(200);
    expect((await checklist()).items.find((item) => item.key === "operators")).toEqual({
      key: "operators",
      ok: false,
      active: 1,
      invited: 1,
      needed: 2,
      detail: "1 active operator(s), 1 invited and not yet accepted; at least 2 active needed",
    });
    const second = await member(tenant, "operator");
    expect((await passing()).operators).toBe(true);
    await owner.sql`update memberships set deactivated_at = now() where tenant_id = ${tenant.id} and user_id = ${second.id}`;
    expect((await passing()).operators).toBe(false);
    await member(tenant, "operator");
    expect((await passing()).operators).toBe(true);

    expect((await passing()).supervisor).toBe(false);
    await member(tenant, "supervisor");
    expect((await passing()).supervisor).toBe(true);
  });

  it("turns the chosen template into the first draft, and passes the SOP item once a version is published", async () => {
    const templates = await admin.call("query", "onboarding.sopTemplates", {
      tenantSlug: tenant.slug,
    });
    expect(templates.data).toEqual([
      expect.objectContaining({ code: "national-default", format: "sigap.sop/1" }),
    ]);
    expect(
      (
        await admin.call("mutation", "onboarding.chooseSop", {
          tenantSlug: tenant.slug,
          templateCode: "regional-custom",
        })
      ).issues,
    ).toMatchObject([
      { path: "templateCode", message: "templateCode must be one of national-default" },
    ]);
    const chosen = await admin.call("mutation", "onboarding.chooseSop", {
      tenantSlug: tenant.slug,
      templateCode: "national-default",
    });
    expect(chosen.status, chosen.message).toBe(200);
    expect(chosen.data).toMatchObject({ sopTemplate: "national-default", draftCreated: true });
    const [row] = await owner.sql<
      { sop_template: string }[]
    >`select sop_template from tenant_onboarding where tenant_id = ${tenant.id}`;
    expect(row?.sop_template).toBe("national-default");
    expect(await auditRows(owner, "audit_log", "onboarding.chooseSop", tenant.id)).toHaveLength(1);
    expect((await checklist()).items.find((item) => item.key === "sop")).toEqual({
      key: "sop",
      ok: false,
      publishedNumber: null,
      templateChosen: true,
      detail: "SOP template national-default chosen; publish a first version",
    });

    const again = await admin.call("mutation", "onboarding.chooseSop", {
      tenantSlug: tenant.slug,
      templateCode: "national-default",
    });
    expect(again.data).toMatchObject({ draftCreated: false });

    const workspace = await admin.call("query", "sop.workspace", { tenantSlug: tenant.slug });
    const draft = (
      workspace.data as { draft: { updatedAt: string; ruleset: { timeZone: string } } }
    ).draft;
    expect(draft.ruleset.timeZone).toBe("Asia/Jakarta");
    const published = await admin.call("mutation", "sop.publish", {
      tenantSlug: tenant.slug,
      note: "Versi pertama dari templat nasional",
      updatedAt: draft.updatedAt,
    });
    expect(published.data).toMatchObject({ published: true, number: 1 });
    expect((await passing()).sop).toBe(true);
  });

  it("goes live once everything passes, setting launched_at once", async () => {
    expect(await checklist()).toMatchObject({ ready: true, status: "onboarding" });
    const live = await goLive();
    expect(live.status, live.message).toBe(200);
    expect(live.data).toMatchObject({ status: "live", overridden: false, failing: [] });
    const [row] = await owner.sql<
      { status: string; launched_at: string | null }[]
    >`select status, launched_at from tenants where id = ${tenant.id}`;
    expect(row?.status).toBe("live");
    const launchedAt = new Date(row?.launched_at ?? 0);
    expect(Math.abs(launchedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect((await checklist()).launchedAt).toBe(launchedAt.toISOString());

    const again = await goLive();
    expect(again).toMatchObject({
      code: "CONFLICT",
      message: "The tenant is live; only a tenant in onboarding can go live",
    });
    const [audit] = await auditRows(owner, "audit_log", "tenant.goLive", tenant.id);
    expect(audit).toMatchObject({
      actor_role: "tenant_admin",
      diff: { before: { status: "onboarding", launchedAt: null }, after: { status: "live" } },
    });
  });
});

describe("overriding the checklist", () => {
  let tenant: TestTenant;
  const goLive = (client: TestClient, input: Record<string, unknown> = {}) =>
    client.call("mutation", "onboarding.goLive", { tenantSlug: tenant.slug, ...input });

  beforeAll(async () => {
    tenant = await onboardingTenant();
  });

  it("is refused to a tenant admin, even with a reason", async () => {
    const admin = testClient(api.url, { cookie: (await member(tenant, "tenant_admin")).cookie });
    const reply = await goLive(admin, { overrideReason: "We are ready, trust us" });
    expect(reply).toMatchObject({
      code: "FORBIDDEN",
      message: "Only a platform admin may take a tenant live with its checklist unmet",
    });
  });

  it("needs a written reason of at most 1000 characters from the platform admin", async () => {
    const staff = testClient(api.url, { cookie: platformAdmin.cookie });
    expect((await goLive(staff)).code).toBe("CONFLICT");
    expect((await goLive(staff, { overrideReason: "   " })).issues).toMatchObject([
      { path: "overrideReason", message: "overrideReason must not be empty" },
    ]);
    expect((await goLive(staff, { overrideReason: "x".repeat(1001) })).issues).toMatchObject([
      { path: "overrideReason", message: "overrideReason must have at most 1000 characters" },
    ]);
    const [row] = await owner.sql<
      { status: string }[]
    >`select status from tenants where id = ${tenant.id}`;
    expect(row?.status).toBe("onboarding");
  });

  it("takes the tenant live with the reason kept with the tenant and in the audit log", async () => {
    const reason =
      "Bupati launch on 17 August; trunks are tested by Telkom on site, agencies reachable by radio meanwhile.";
    const reply = await goLive(testClient(api.url, { cookie: platformAdmin.cookie }), {
      overrideReason: reason,
    });
    expect(reply.status, reply.message).toBe(200);
    const failing = ["branding", "trunk", "agencies", "operators", "supervisor", "sop"];
    expect(reply.data).toMatchObject({ status: "live", overridden: true, failing });
    const [stored] = await owner.sql<
      { go_live_override_reason: string }[]
    >`select go_live_override_reason from tenant_onboarding where tenant_id = ${tenant.id}`;
    expect(stored?.go_live_override_reason).toBe(reason);
    const [audit] = await auditRows(owner, "audit_log", "tenant.goLive", tenant.id);
    expect(audit).toMatchObject({
      actor_user_id: platformAdmin.id,
      actor_role: "platform_admin",
      diff: { after: { status: "live", overrideReason: reason, failingChecks: failing } },
    });
    const [tenantRow] = await owner.sql<
      { launched_at: string | null }[]
    >`select launched_at from tenants where id = ${tenant.id}`;
    expect(tenantRow?.launched_at).not.toBeNull();
  });
});
