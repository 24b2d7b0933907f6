import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import type { TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import {
  auditRows,
  createTestAgency,
  createTestPerson,
  signInAs,
  uniqueEmail,
  type TestPerson,
} from "../people.ts";

const { api, database } = useTestApi();
const { owner } = database;
const tenants: TestTenant[] = [];

afterAll(async () => {
  await deleteTestTenants(owner, tenants);
});

type Role = "tenant_admin" | "supervisor" | "operator" | "agency_responder";

/** A fresh tenant with one signed-in admin, and helpers to add members to it. */
async function arrangeTenant() {
  const tenant = await createTestTenant(owner);
  tenants.push(tenant);
  const member = async (role: Role) => {
    const person = await createTestPerson(owner, { memberships: [{ tenantId: tenant.id, role }] });
    return { ...person, client: await signInAs(api, owner, person) };
  };
  return { tenant, admin: await member("tenant_admin"), member };
}

interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  deactivatedAt: string | null;
  twoFactorEnabled: boolean;
}

interface MemberPage {
  rows: Member[];
  nextCursor: string | null;
}

describe("user management", () => {
  it("lists the tenant's members and pending invitations, and nobody else's", async () => {
    const a = await arrangeTenant();
    const b = await arrangeTenant();
    const operator = await a.member("operator");
    const email = uniqueEmail("pending");
    await a.admin.client.call("mutation", "users.invite", {
      tenantSlug: a.tenant.slug,
      email,
      role: "operator",
    });

    const listing = (
      await a.admin.client.call("query", "users.list", { tenantSlug: a.tenant.slug })
    ).data as MemberPage;
    expect(listing.rows.map((m) => m.userId).sort()).toEqual([a.admin.id, operator.id].sort());
    expect(listing.rows.find((m) => m.userId === operator.id)).toMatchObject({
      role: "operator",
      deactivatedAt: null,
      twoFactorEnabled: false,
    });
    expect(listing.nextCursor).toBeNull();
    expect(
      (await a.admin.client.call("query", "users.invitations", { tenantSlug: a.tenant.slug })).data,
    ).toEqual([expect.objectContaining({ email })]);
    expect(
      (await a.admin.client.call("query", "users.roleCounts", { tenantSlug: a.tenant.slug })).data,
    ).toEqual([
      { role: "tenant_admin", active: 1, invited: 0 },
      { role: "supervisor", active: 0, invited: 0 },
      { role: "operator", active: 1, invited: 1 },
      { role: "agency_responder", active: 0, invited: 0 },
    ]);

    expect(
      await a.admin.client.call("query", "users.list", { tenantSlug: b.tenant.slug }),
    ).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(
      await operator.client.call("query", "users.list", { tenantSlug: a.tenant.slug }),
    ).toMatchObject({ status: 403, code: "FORBIDDEN" });
    // Another tenant's people and invitations cannot be touched through one's own tenant either.
    const [bInvitation] = await owner.sql<{ id: string }[]>`
      insert into invitations (tenant_id, email, role, token_hash, expires_at)
      values (${b.tenant.id}, ${uniqueEmail("b")}, 'operator', 'x', now() + interval '1 day') returning id`;
    const foreign = [
      a.admin.client.call("mutation", "users.changeRole", {
        tenantSlug: a.tenant.slug,
        userId: b.admin.id,
        role: "operator",
      }),
      a.admin.client.call("mutation", "users.deactivate", {
        tenantSlug: a.tenant.slug,
        userId: b.admin.id,
      }),
      a.admin.client.call("mutation", "users.revokeInvitation", {
        tenantSlug: a.tenant.slug,
        invitationId: bInvitation?.id,
      }),
    ];
    for (const reply of await Promise.all(foreign))
      expect(reply).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("changes a role, audited with before and after", async () => {
    const { tenant, admin, member } = await arrangeTenant();
    const operator = await member("operator");
    const changed = await admin.client.call("mutation", "users.changeRole", {
      tenantSlug: tenant.slug,
      userId: operator.id,
      role: "supervisor",
    });
    expect(changed).toMatchObject({ status: 200, data: { role: "supervisor" } });
    expect(await auditRows(owner, "audit_log", "users.changeRole", operator.id)).toEqual([
      expect.objectContaining({
        actor_user_id: admin.id,
        actor_role: "tenant_admin",
        diff: {
          before: { role: "operator", agencyId: null },
          after: { role: "supervisor", agencyId: null },
        },
      }),
    ]);
    const noAgency = await admin.client.call("mutation", "users.changeRole", {
      tenantSlug: tenant.slug,
      userId: operator.id,
      role: "agency_responder",
    });
    expect(noAgency).toMatchObject({ status: 400, issues: [{ path: "agencyId" }] });
  });

  it("binds a responder only to an agency of this tenant, by invitation or by role change", async () => {
    const a = await arrangeTenant();
    const b = await arrangeTenant();
    const [ownAgency, foreignAgency] = await Promise.all([
      createTestAgency(owner, a.tenant.id),
      createTestAgency(owner, b.tenant.id),
    ]);
    const operator = await a.member("operator");
    const invite = (agencyId: string) =>
      a.admin.client.call("mutation", "users.invite", {
        tenantSlug: a.tenant.slug,
        email: uniqueEmail("r"),
        role: "agency_responder",
        agencyId,
      });
    const changeRole = (agencyId: string) =>
      a.admin.client.call("mutation", "users.changeRole", {
        tenantSlug: a.tenant.slug,
        userId: operator.id,
        role: "agency_responder",
        agencyId,
      });

    for (const refused of [await invite(foreignAgency), await changeRole(foreignAgency)]) {
      expect(refused).toMatchObject({
        status: 400,
        issues: [{ path: "agencyId", message: "agencyId is not an agency of this region" }],
      });
    }
    const [stored] = await owner.sql<
      { role: string }[]
    >`select role from memberships where user_id = ${operator.id}`;
    expect(stored?.role).toBe("operator");

    expect(await invite(ownAgency)).toMatchObject({ status: 200 });
    expect(await changeRole(ownAgency)).toMatchObject({
      status: 200,
      data: { role: "agency_responder", agencyId: ownAgency },
    });
    const operatorWithAgency = await a.admin.client.call("mutation", "users.changeRole", {
      tenantSlug: a.tenant.slug,
      userId: operator.id,
      role: "operator",
      agencyId: ownAgency,
    });
    expect(operatorWithAgency).toMatchObject({ status: 400, issues: [{ path: "agencyId" }] });
  });

  it("the database refuses a membership or invitation naming another tenant's agency", async () => {
    const a = await arrangeTenant();
    const b = await arrangeTenant();
    const foreignAgency = await createTestAgency(owner, b.tenant.id);
    await expect(
      owner.sql`update memberships set role = 'agency_responder', agency_id = ${foreignAgency} where user_id = ${a.admin.id}`,
    ).rejects.toThrow(/memberships_tenant_id_agency_id_agencies_tenant_id_id_fk/);
    await expect(
      owner.sql`insert into invitations (tenant_id, email, role, agency_id, token_hash, expires_at)
                values (${a.tenant.id}, ${uniqueEmail("r")}, 'agency_responder', ${foreignAgency}, 'x', now() + interval '1 day')`,
    ).rejects.toThrow(/invitations_tenant_id_agency_id_agencies_tenant_id_id_fk/);
  });

  it("never leaves a tenant without an active admin", async () => {
    const { tenant, admin, member } = await arrangeTenant();
    const demoteSelf = await admin.client.call("mutation", "users.changeRole", {
      tenantSlug: tenant.slug,
      userId: admin.id,
      role: "operator",
    });
    expect(demoteSelf).toMatchObject({ status: 409, code: "CONFLICT" });
    const deactivateSelf = await admin.client.call("mutation", "users.deactivate", {
      tenantSlug: tenant.slug,
      userId: admin.id,
    });
    expect(deactivateSelf).toMatchObject({ status: 409, code: "CONFLICT" });

    // Two admins demoting each other at the same moment: exactly one succeeds.
    const second = await member("tenant_admin");
    const replies = await Promise.all([
      admin.client.call("mutation", "users.changeRole", {
        tenantSlug: tenant.slug,
        userId: second.id,
        role: "operator",
      }),
      second.client.call("mutation", "users.changeRole", {
        tenantSlug: tenant.slug,
        userId: admin.id,
        role: "operator",
      }),
    ]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const [admins] = await owner.sql<{ n: number }[]>`
      select count(*)::int as n from memberships where tenant_id = ${tenant.id} and role = 'tenant_admin' and deactivated_at is null`;
    expect(admins?.n).toBe(1);
  });

  it("deactivation signs out at once someone who works nowhere else", async () => {
    const { tenant, admin, member } = await arrangeTenant();
    const operator = await member("operator");
    expect(await operator.client.call("query", "auth.me")).toMatchObject({ status: 200 });

    const reply = await admin.client.call("mutation", "users.deactivate", {
      tenantSlug: tenant.slug,
      userId: operator.id,
    });
    expect(reply).toMatchObject({ status: 200, data: { userId: operator.id } });
    expect(await operator.client.call("query", "auth.me")).toMatchObject({
      status: 401,
      code: "UNAUTHORIZED",
    });

    const listing = (await admin.client.call("query", "users.list", { tenantSlug: tenant.slug }))
      .data as MemberPage;
    expect(listing.rows.find((m) => m.userId === operator.id)?.deactivatedAt).not.toBeNull();
    const [audit] = await auditRows(owner, "audit_log", "users.deactivate", operator.id);
    expect(audit).toMatchObject({
      actor_user_id: admin.id,
      diff: {
        before: { role: "operator" },
        after: { deactivatedAt: expect.any(String) as unknown },
      },
    });
    // Signed in again, the person no longer finds the tenant.
    const again = await signInAs(api, owner, operator);
    expect((await again.call("query", "auth.me")).data).toMatchObject({ tenants: [] });
  });

  it("deactivation in one tenant takes that tenant away on every session, and leaves the others working", async () => {
    const a = await arrangeTenant();
    const b = await arrangeTenant();
    const person = await createTestPerson(owner, {
      memberships: [
        { tenantId: a.tenant.id, role: "operator" },
        { tenantId: b.tenant.id, role: "supervisor" },
      ],
    });
    const first = await signInAs(api, owner, person);
    const second = await signInAs(api, owner, person);

    const reply = await a.admin.client.call("mutation", "users.deactivate", {
      tenantSlug: a.tenant.slug,
      userId: person.id,
    });
    expect(reply).toEqual(
      expect.objectContaining({
        status: 200,
        data: { userId: person.id, deactivatedAt: expect.any(String) as unknown },
      }),
    );
    for (const session of [first, second]) {
      expect(
        await session.call("query", "branding.get", { tenantSlug: a.tenant.slug }),
      ).toMatchObject({ status: 404, code: "NOT_FOUND" });
      expect(
        await session.call("query", "branding.get", { tenantSlug: b.tenant.slug }),
      ).toMatchObject({ status: 200 });
      expect((await session.call("query", "auth.me")).data).toMatchObject({
        tenants: [{ slug: b.tenant.slug, role: "supervisor" }],
      });
    }
  });
});

describe("the members list", () => {
  /** Every page of the list as `input` asks, following `nextCursor`: the members in the order given. */
  async function everyPage(
    client: TestClient,
    input: Record<string, unknown>,
  ): Promise<{ members: Member[]; pages: number }> {
    const members: Member[] = [];
    let pages = 0;
    let cursor: string | null = null;
    do {
      const reply = await client.call("query", "users.list", {
        ...input,
        ...(cursor ? { cursor } : {}),
      });
      expect(reply.status, reply.message).toBe(200);
      const page = reply.data as MemberPage;
      members.push(...page.rows);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    return { members, pages };
  }

  const names = (members: Member[]) => members.map((member) => member.displayName);

  let a: Awaited<ReturnType<typeof arrangeTenant>>;
  let neighbour: TestPerson;
  let budiEmail: string;
  const list = (input: Record<string, unknown>) =>
    everyPage(a.admin.client, { tenantSlug: a.tenant.slug, ...input });

  beforeAll(async () => {
    a = await arrangeTenant();
    const b = await arrangeTenant();
    const person = (displayName: string, role: Role, tenantId = a.tenant.id) =>
      createTestPerson(owner, { displayName, memberships: [{ tenantId, role }] });
    budiEmail = uniqueEmail("budi.kantor");
    await createTestPerson(owner, {
      displayName: "Budi Santoso",
      email: budiEmail,
      memberships: [{ tenantId: a.tenant.id, role: "operator" }],
    });
    // Three of one name: only the user id orders them, which a cursor of the name alone would lose.
    for (const displayName of ["Sama Nama", "Sama Nama", "Sama Nama", "Ani Lestari", "Eka 100%"])
      await person(displayName, "operator");
    await person("budi santoso", "supervisor");
    const leaver = await person("Fajar Pergi", "operator");
    await owner.sql`update memberships set deactivated_at = now() where user_id = ${leaver.id}`;
    neighbour = await person("Rahasia Tetangga", "operator", b.tenant.id);
  });

  it("pages through every member once, by name, however small the pages", async () => {
    const whole = await list({ limit: 100 });
    expect(whole.pages).toBe(1);
    expect(whole.members).toHaveLength(9);
    for (const limit of [1, 2, 4]) {
      const paged = await list({ limit });
      expect(paged.members.map((member) => member.userId)).toEqual(
        whole.members.map((member) => member.userId),
      );
      expect(paged.pages).toBe(Math.ceil(9 / limit));
    }
    const same = whole.members.filter((member) => member.displayName === "Sama Nama");
    const ids = same.map((member) => member.userId);
    expect(ids).toEqual([...ids].sort());
    const at = whole.members.indexOf(same[0] as Member);
    expect(names(whole.members.slice(at, at + 3))).toEqual(["Sama Nama", "Sama Nama", "Sama Nama"]);
  });

  it("searches names and email addresses in any case, trimmed, with % and _ as plain text", async () => {
    expect(names((await list({ query: "  SANTOSO " })).members).sort()).toEqual([
      "Budi Santoso",
      "budi santoso",
    ]);
    expect(names((await list({ query: budiEmail.slice(0, 20).toUpperCase() })).members)).toEqual([
      "Budi Santoso",
    ]);
    expect(names((await list({ query: "100%" })).members)).toEqual(["Eka 100%"]);
    expect((await list({ query: "_" })).members).toEqual([]);
    expect((await list({ query: "" })).members).toHaveLength(9);
    const paged = await list({ query: "sama", limit: 1 });
    expect(paged).toMatchObject({ pages: 3 });
  });

  it("narrows by role and by state, together with the search", async () => {
    expect(names((await list({ query: "santoso", role: "supervisor" })).members)).toEqual([
      "budi santoso",
    ]);
    expect(names((await list({ state: "deactivated" })).members)).toEqual(["Fajar Pergi"]);
    const active = await list({ state: "active", role: "operator" });
    expect(active.members).toHaveLength(6);
    expect(active.members.every((member) => member.deactivatedAt === null)).toBe(true);
  });

  it("refuses bad input as BAD_REQUEST naming the field", async () => {
    const refused = async (input: Record<string, unknown>) => {
      const reply = await a.admin.client.call("query", "users.list", {
        tenantSlug: a.tenant.slug,
        ...input,
      });
      expect(reply.status).toBe(400);
      return reply.issues?.map((issue) => issue.path);
    };
    const { nextCursor } = (
      await a.admin.client.call("query", "users.list", { tenantSlug: a.tenant.slug, limit: 1 })
    ).data as MemberPage;
    const real = nextCursor ?? "";
    const encoded = (key: unknown) => Buffer.from(JSON.stringify(key)).toString("base64url");
    // The second last character holds bits of the closing `"]`: any other breaks the JSON.
    const tampered = (cursor: string) =>
      `${cursor.slice(0, -2)}${cursor.at(-2) === "x" ? "A" : "x"}${cursor.slice(-1)}`;
    expect(await refused({ cursor: tampered(real) })).toEqual(["cursor"]);
    expect(await refused({ cursor: "not-a-cursor" })).toEqual(["cursor"]);
    expect(await refused({ cursor: encoded(["Ani Lestari"]) })).toEqual(["cursor"]);
    expect(await refused({ cursor: encoded(["Ani Lestari", "not-an-id"]) })).toEqual(["cursor"]);
    expect(await refused({ cursor: "x".repeat(2001) })).toEqual(["cursor"]);
    expect(await refused({ limit: 0 })).toEqual(["limit"]);
    expect(await refused({ limit: 101 })).toEqual(["limit"]);
    expect(await refused({ query: "x".repeat(101) })).toEqual(["query"]);
    expect(await refused({ role: "boss" })).toEqual(["role"]);
    expect(await refused({ state: "gone" })).toEqual(["state"]);
  });

  it("never holds another tenant's people, whatever the search or cursor", async () => {
    expect((await list({ query: "Rahasia" })).members).toEqual([]);
    expect((await list({ query: neighbour.email })).members).toEqual([]);
    // A cursor is a position by name: one naming the neighbour pages this tenant's own members.
    const after = await list({
      cursor: Buffer.from(JSON.stringify([neighbour.displayName, neighbour.id])).toString(
        "base64url",
      ),
    });
    expect(after.members.every((member) => member.userId !== neighbour.id)).toBe(true);
    expect(names(after.members)).toContain("Sama Nama");
  });
});
