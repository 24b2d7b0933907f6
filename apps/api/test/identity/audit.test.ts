import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@sigap/tenancy";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { testClient, type TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import {
  createTestPerson,
  deleteTestPeople,
  uniqueEmail,
  type SignedInTestPerson,
} from "../people.ts";

const { api, database } = useTestApi();
let tenantA: TestTenant;
let tenantB: TestTenant;
let zoneA: string;
let adminA: SignedInTestPerson;
let adminB: SignedInTestPerson;
let operatorA: SignedInTestPerson;
let platformAdmin: SignedInTestPerson;
const clients = new Map<SignedInTestPerson, TestClient>();
// Other test files write audit rows too; this run's actions carry their own prefix.
const tag = `t${randomUUID().slice(0, 6)}`;

interface Row {
  id: string;
  occurredAt: string;
  tenantSlug: string | null;
  actor: { userId: string; email: string | null; displayName: string | null } | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
}
interface Page {
  rows: Row[];
  nextCursor: string | null;
}

async function insertTenantRow(
  tenant: TestTenant,
  row: {
    at: string;
    actor?: SignedInTestPerson;
    action: string;
    target?: [string, string];
    diff?: unknown;
  },
) {
  await database.owner.sql`
    insert into audit_log (tenant_id, occurred_at, actor_user_id, actor_role, action, target_type, target_id, diff, ip, user_agent)
    values (${tenant.id}, ${row.at}::timestamptz, ${row.actor?.id ?? null}, 'tenant_admin', ${`${tag}.${row.action}`},
            ${row.target?.[0] ?? null}, ${row.target?.[1] ?? null}, ${row.diff === undefined ? null : JSON.stringify(row.diff)}::jsonb,
            '10.1.2.3', ${'=HYPERLINK("http://evil")'})`;
}

beforeAll(async () => {
  tenantA = await createTestTenant(database.owner);
  tenantB = await createTestTenant(database.owner);
  const [zone] = await database.owner.sql<
    { time_zone: string }[]
  >`select time_zone from tenants where id = ${tenantA.id}`;
  zoneA = zone?.time_zone ?? "Asia/Jakarta";
  // Labelled addresses: the actor filter below is given the start of one, which must name only that person.
  const member = (label: string, tenant: TestTenant, role: "tenant_admin" | "operator") =>
    createTestPerson(database.owner, {
      email: uniqueEmail(label),
      memberships: [{ tenantId: tenant.id, role }],
      signedIn: true,
    });
  adminA = await member("admin-a", tenantA, "tenant_admin");
  adminB = await member("admin-b", tenantB, "tenant_admin");
  operatorA = await member("operator-a", tenantA, "operator");
  platformAdmin = await createTestPerson(database.owner, {
    platformRole: "platform_admin",
    signedIn: true,
  });
  for (const person of [adminA, adminB, operatorA, platformAdmin])
    clients.set(person, testClient(api.url, { cookie: person.cookie }));

  // Local midnight in A's zone separates the first two rows; two rows share one instant.
  const localA = (wallClock: string) =>
    database.owner.sql<{ at: string }[]>`
    select (${wallClock}::timestamp at time zone ${zoneA})::text as at`.then(
      (rows) => rows[0]?.at ?? "",
    );
  await insertTenantRow(tenantA, {
    at: await localA("2025-03-09 23:30"),
    actor: adminA,
    action: "users.invite",
    target: ["user", "u-1"],
  });
  await insertTenantRow(tenantA, {
    at: await localA("2025-03-10 00:30"),
    actor: operatorA,
    action: "users.changeRole",
    target: ["user", "u-2"],
  });
  await insertTenantRow(tenantA, {
    at: "2025-03-11T05:00:00Z",
    actor: adminA,
    action: "sop.publish",
    target: ["sop", "s-1"],
    diff: { after: { note: 'Banjir, "siaga 1"\nKec. Buduran' } },
  });
  await insertTenantRow(tenantA, {
    at: "2025-03-11T05:00:00Z",
    action: "invitations.accept",
    target: ["invitation", "i-1"],
  });
  await insertTenantRow(tenantB, {
    at: "2025-03-10T05:00:00Z",
    actor: adminB,
    action: "users.invite",
    target: ["user", "u-9"],
  });
  await database.owner.sql`
    insert into platform_audit_log (occurred_at, actor_user_id, actor_role, action, target_type, target_id)
    values ('2025-03-12T01:00:00Z', ${platformAdmin.id}, 'platform_admin', ${`${tag}.tenants.create`}, 'tenant', ${tenantB.id})`;
});

afterAll(async () => {
  await database.owner.sql`delete from platform_audit_log where starts_with(action, ${tag})`;
  await deleteTestPeople(database.owner, [adminA, adminB, operatorA, platformAdmin]);
  await deleteTestTenants(database.owner, [tenantA, tenantB]);
});

const as = (person: SignedInTestPerson) => {
  const client = clients.get(person);
  if (!client) throw new Error("no client");
  return client;
};
async function list(
  person: SignedInTestPerson,
  input: Record<string, unknown>,
  path = "audit.list",
): Promise<Page> {
  const answer = await as(person).call("query", path, input);
  expect(answer.error).toBeUndefined();
  return answer.data as Page;
}
const actions = (page: Page) => page.rows.map((row) => row.action.replace(`${tag}.`, ""));

describe("audit.list", () => {
  it("shows the tenant's rows newest first, each actor resolved to a person", async () => {
    const page = await list(adminA, { tenantSlug: tenantA.slug, action: tag });
    expect(actions(page)).toEqual(expect.arrayContaining(["sop.publish", "invitations.accept"]));
    expect(actions(page).slice(2)).toEqual(["users.changeRole", "users.invite"]);
    expect(page.rows.find((row) => row.action.endsWith("users.invite"))?.actor).toEqual({
      userId: adminA.id,
      email: adminA.email,
      displayName: adminA.displayName,
    });
    expect(page.rows.find((row) => row.action.endsWith("invitations.accept"))?.actor).toBeNull();
    expect(page.nextCursor).toBeNull();
  });

  it("filters by actor (email part or id), action prefix, target, and whole local days", async () => {
    const byEmail = await list(adminA, {
      tenantSlug: tenantA.slug,
      actor: adminA.email.slice(0, 11).toUpperCase(),
    });
    expect(actions(byEmail)).toEqual(["sop.publish", "users.invite"]);
    expect(actions(await list(adminA, { tenantSlug: tenantA.slug, actor: operatorA.id }))).toEqual([
      "users.changeRole",
    ]);
    expect(
      actions(await list(adminA, { tenantSlug: tenantA.slug, action: `${tag}.users.` })),
    ).toEqual(["users.changeRole", "users.invite"]);
    expect(
      actions(
        await list(adminA, { tenantSlug: tenantA.slug, targetType: "user", targetId: "u-2" }),
      ),
    ).toEqual(["users.changeRole"]);
    expect(
      actions(
        await list(adminA, {
          tenantSlug: tenantA.slug,
          action: tag,
          from: "2025-03-10",
          to: "2025-03-10",
        }),
      ),
    ).toEqual(["users.changeRole"]);
    expect(
      actions(await list(adminA, { tenantSlug: tenantA.slug, action: tag, to: "2025-03-09" })),
    ).toEqual(["users.invite"]);

    const backwards = await as(adminA).call("query", "audit.list", {
      tenantSlug: tenantA.slug,
      from: "2025-03-10",
      to: "2025-03-01",
    });
    expect(backwards).toMatchObject({
      status: 400,
      error: { data: { issues: [{ path: "to", message: "to must not be before from" }] } },
    });
  });

  it("pages with a cursor: every row once, ties broken by id", async () => {
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page: Page = await list(adminA, {
        tenantSlug: tenantA.slug,
        action: tag,
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.rows.length).toBeLessThanOrEqual(1);
      seen.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);

    const bad = await as(adminA).call("query", "audit.list", {
      tenantSlug: tenantA.slug,
      cursor: "not-a-cursor",
    });
    expect(bad).toMatchObject({ status: 400, error: { data: { issues: [{ path: "cursor" }] } } });
    const tooMany = await as(adminA).call("query", "audit.list", {
      tenantSlug: tenantA.slug,
      limit: 101,
    });
    expect(tooMany).toMatchObject({
      status: 400,
      error: { data: { issues: [{ path: "limit" }] } },
    });
  });

  it("keeps tenants apart: B's rows never reach A, and B's slug is NOT_FOUND to A's admin", async () => {
    const ofB = await list(adminB, { tenantSlug: tenantB.slug, action: tag });
    expect(actions(ofB)).toEqual(["users.invite"]);
    expect((await list(adminA, { tenantSlug: tenantA.slug, targetId: "u-9" })).rows).toEqual([]);
    const foreign = await as(adminA).call("query", "audit.list", { tenantSlug: tenantB.slug });
    expect(foreign).toMatchObject({ status: 404, error: { data: { code: "NOT_FOUND" } } });
    const operator = await as(operatorA).call("query", "audit.list", { tenantSlug: tenantA.slug });
    expect(operator).toMatchObject({ status: 403, error: { data: { code: "FORBIDDEN" } } });
  });
});

describe("audit.exportCsv", () => {
  it("is RFC 4180 CSV with a BOM and local times, defused for spreadsheets, and leaves a trace", async () => {
    const answer = await as(adminA).call("mutation", "audit.exportCsv", {
      tenantSlug: tenantA.slug,
      action: tag,
    });
    const { filename, csv, rowCount, truncated } = answer.data as {
      filename: string;
      csv: string;
      rowCount: number;
      truncated: boolean;
    };
    expect(filename).toMatch(new RegExp(`^audit-${tenantA.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect({ rowCount, truncated }).toEqual({ rowCount: 4, truncated: false });
    expect(
      csv.startsWith(
        "\uFEFFoccurred_at,actor_email,actor_name,actor_role,action,target_type,target_id,target_name,changes,ip,user_agent,request_id\r\n",
      ),
    ).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const offset = {
      "Asia/Jakarta": "+07:00",
      "Asia/Makassar": "+08:00",
      "Asia/Jayapura": "+09:00",
    }[zoneA];
    expect(csv).toContain(
      `2025-03-09T23:30:00${offset ?? ""},${adminA.email},${adminA.displayName},tenant_admin,${tag}.users.invite,user,u-1,,,10.1.2.3,"'=HYPERLINK(""http://evil"")",\r\n`,
    );
    // A quoted field keeps its commas and quotes.
    expect(csv).toContain(`"{""after"":{""note"":""Banjir, \\""siaga 1\\""\\nKec. Buduran""}}"`);

    const traced = await list(adminA, { tenantSlug: tenantA.slug, action: "audit.export" });
    expect(traced.rows).toHaveLength(1);
    expect(traced.rows[0]?.actor?.userId).toBe(adminA.id);
  });

  it("needs the same-origin check like any mutation, and audit.view", async () => {
    const crossSite = await fetch(`${api.url}/trpc/audit.exportCsv`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: as(adminA).cookie ?? "",
        "sec-fetch-site": "cross-site",
      },
      body: JSON.stringify({ tenantSlug: tenantA.slug }),
    });
    expect(crossSite.status).toBe(403);
    const operator = await as(operatorA).call("mutation", "audit.exportCsv", {
      tenantSlug: tenantA.slug,
    });
    expect(operator).toMatchObject({ status: 403 });
  });
});

describe("platform audit views", () => {
  it("platformList shows the platform log and every tenant's, naming the tenant", async () => {
    const page = await list(platformAdmin, { action: tag }, "audit.platformList");
    expect(page.rows.map((row) => [row.tenantSlug, row.action.replace(`${tag}.`, "")])).toEqual([
      [null, "tenants.create"],
      [tenantA.slug, expect.any(String)],
      [tenantA.slug, expect.any(String)],
      [tenantB.slug, "users.invite"],
      [tenantA.slug, "users.changeRole"],
      [tenantA.slug, "users.invite"],
    ]);
    const filtered = await list(
      platformAdmin,
      {
        action: tag,
        actor: adminB.email,
        timeZone: "Asia/Jayapura",
        from: "2025-03-10",
        to: "2025-03-10",
      },
      "audit.platformList",
    );
    expect(filtered.rows.map((row) => [row.tenantSlug, row.actor?.email])).toEqual([
      [tenantB.slug, adminB.email],
    ]);

    const firstPage = await list(platformAdmin, { action: tag, limit: 4 }, "audit.platformList");
    const secondPage = await list(
      platformAdmin,
      { action: tag, limit: 4, cursor: firstPage.nextCursor },
      "audit.platformList",
    );
    expect([...firstPage.rows, ...secondPage.rows].map((row) => row.id)).toEqual(
      page.rows.map((row) => row.id),
    );
    expect(secondPage.nextCursor).toBeNull();
  });

  it("platformExportCsv adds the tenant column", async () => {
    const answer = await as(platformAdmin).call("mutation", "audit.platformExportCsv", {
      action: tag,
      timeZone: "Asia/Makassar",
    });
    const { filename, csv, rowCount } = answer.data as {
      filename: string;
      csv: string;
      rowCount: number;
    };
    expect(filename).toMatch(/^audit-all-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(rowCount).toBe(6);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFoccurred_at,tenant,actor_email,actor_name,actor_role,action,target_type,target_id,target_name,changes,ip,user_agent,request_id",
    );
    expect(lines[1]).toMatch(
      new RegExp(`^2025-03-12T09:00:00\\+08:00,\\(platform\\),${platformAdmin.email},`),
    );
    const [trace] = await database.owner.sql<{ n: number }[]>`
      select count(*)::int as n from platform_audit_log where actor_user_id = ${platformAdmin.id} and action = 'audit.export'`;
    expect(trace?.n).toBe(1);
  });

  it("is for platform admins only", async () => {
    for (const person of [adminA, operatorA]) {
      expect(await as(person).call("query", "audit.platformList", {})).toMatchObject({
        status: 403,
        error: { data: { code: "FORBIDDEN" } },
      });
      expect(await as(person).call("mutation", "audit.platformExportCsv", {})).toMatchObject({
        status: 403,
      });
    }
  });
});

describe("the audit trail is append-only", () => {
  it("the runtime role may not UPDATE or DELETE audit rows, even in its own tenant", async () => {
    const attempt = (statement: ReturnType<typeof sql>) =>
      withTenant(database.app.db, tenantA.id, (tx) => tx.execute(statement)).then(
        () => "allowed",
        (error: unknown) => String((error as { cause?: unknown }).cause ?? error),
      );
    await expect(
      withTenant(database.app.db, tenantA.id, (tx) =>
        tx.execute(sql`select count(*) from audit_log`),
      ),
    ).resolves.toBeDefined();
    expect(await attempt(sql`update audit_log set action = 'forged'`)).toMatch(
      /permission denied for table audit_log/,
    );
    expect(await attempt(sql`delete from audit_log`)).toMatch(
      /permission denied for table audit_log/,
    );
    expect(await attempt(sql`update platform_audit_log set action = 'forged'`)).toMatch(
      /permission denied for table platform_audit_log/,
    );
    expect(await attempt(sql`delete from platform_audit_log`)).toMatch(
      /permission denied for table platform_audit_log/,
    );
    const [count] = await database.owner.sql<
      { n: number }[]
    >`select count(*)::int as n from audit_log where tenant_id = ${tenantA.id}`;
    expect(count?.n).toBe(5);
  });

  it("the runtime role cannot read across tenants except through audit_log_all()", async () => {
    const rows = await database.app.sql<{ n: number }[]>`select count(*)::int as n from audit_log`;
    expect(rows[0]?.n).toBe(0);
  });
});

describe("target names", () => {
  let named: TestTenant;
  let other: TestTenant;
  let namedAdmin: SignedInTestPerson;
  const agencyIn = async (tenant: TestTenant, name: string) => {
    const [agency] = await database.owner.sql<{ id: string }[]>`
      insert into agencies (tenant_id, agency_type, name) values (${tenant.id}, 'damkar', ${name}) returning id`;
    return agency?.id ?? "";
  };

  beforeAll(async () => {
    named = await createTestTenant(database.owner);
    other = await createTestTenant(database.owner);
    namedAdmin = await createTestPerson(database.owner, {
      email: uniqueEmail("admin-named"),
      memberships: [{ tenantId: named.id, role: "tenant_admin" }],
      signedIn: true,
    });
    clients.set(namedAdmin, testClient(api.url, { cookie: namedAdmin.cookie }));
    const at = "2025-04-01T01:00:00Z";
    const row = (action: string, target: [string, string], diff?: unknown) =>
      insertTenantRow(named, { at, actor: namedAdmin, action, target, diff });
    await row("agencies.update", ["agency", await agencyIn(named, "Damkar Kota Contoh")]);
    await row("users.changeRole", ["user", adminA.id]);
    await row("calls.block", ["call_blocklist", "+6281234567890"]);
    await row("trunks.remove", ["phone_trunk", randomUUID()], { before: { name: "Trunk lama" } });
    // A forged row naming another region's agency: the name must not leak through.
    await row("agencies.create", ["agency", await agencyIn(other, "Rahasia Daerah Lain")]);
  });

  afterAll(async () => {
    await deleteTestPeople(database.owner, [namedAdmin]);
    await deleteTestTenants(database.owner, [named, other]);
  });

  const names = (page: Page) =>
    Object.fromEntries(page.rows.map((row) => [row.action.replace(`${tag}.`, ""), row.targetName]));

  it("names each row's target as it is called now, or as its diff kept it once removed", async () => {
    expect(names(await list(namedAdmin, { tenantSlug: named.slug, action: tag }))).toEqual({
      "agencies.update": "Damkar Kota Contoh",
      "users.changeRole": adminA.displayName,
      "calls.block": "+6281234567890",
      "trunks.remove": "Trunk lama",
      "agencies.create": null,
    });
  });

  it("names them in the platform's view too, across regions", async () => {
    const page = await list(
      platformAdmin,
      { action: `${tag}.agencies.`, targetType: "agency" },
      "audit.platformList",
    );
    expect(page.rows.map((row) => row.targetName).sort()).toEqual([
      "Damkar Kota Contoh",
      "Rahasia Daerah Lain",
    ]);
  });

  it("puts the name in the CSV export", async () => {
    const answer = await as(namedAdmin).call("mutation", "audit.exportCsv", {
      tenantSlug: named.slug,
      action: `${tag}.agencies.update`,
    });
    expect((answer.data as { csv: string }).csv).toContain(",agency,");
    expect((answer.data as { csv: string }).csv).toContain(",Damkar Kota Contoh,");
  });
});
