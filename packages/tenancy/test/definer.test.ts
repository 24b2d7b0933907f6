import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRoleName } from "@sigap/db/schema";
import { connectTestDatabase, createTestTenant, type TestTenant } from "./harness.ts";
import { definerFunctions, findDefinerViolations } from "./definer-rules.ts";
import { rolledBack } from "./rolled-back.ts";

const database = connectTestDatabase();
afterAll(() => database.close());

/** Runs `statement` as the runtime role with no tenant set, always rolled back: what came of it. */
function callAsRuntime(statement: string): Promise<{ raised: string } | { rows: number }> {
  return rolledBack(database.app.sql, async (tx) => ({
    rows: (await tx.unsafe(statement)).length,
  })).catch((error: unknown) => ({
    raised: String(error),
  }));
}

describe("security-definer functions, read from the migrated catalog", () => {
  it("every one is listed with its rule, fixed search_path, not executable by PUBLIC", async () => {
    expect(await findDefinerViolations(database.owner.sql, appRoleName)).toEqual([]);
  });

  it.each(Object.entries(definerFunctions).filter(([, fn]) => fn.probe !== undefined))(
    "%s: the runtime role without proof gets nothing",
    async (_signature, fn) => {
      const outcome = await callAsRuntime(fn.probe ?? "");
      // Only functions that answer with rows may answer at all, and then with none; the rest raise.
      if ("rows" in outcome) {
        expect(["session", "token"]).toContain(fn.rule);
        expect(outcome.rows).toBe(0);
      } else
        expect(outcome.raised).toMatch(
          /permission denied|no tenant is set|platform admin is required/,
        );
    },
  );

  it("catches a careless security-definer function (the check itself works)", async () => {
    const violations = await rolledBack(database.owner.sql, async (tx) => {
      await tx`create function careless_emails() returns setof text language sql security definer as 'select email from users'`;
      return findDefinerViolations(tx, appRoleName);
    });
    expect(violations).toEqual([
      "careless_emails(): security-definer function with no rule in definer-rules.ts",
      "careless_emails(): executable by PUBLIC",
      "careless_emails(): search_path is not fixed",
    ]);
  });
});

describe("session-checked functions answer a live session's own user only", () => {
  let tenant: TestTenant;
  const secret = "s3cret-part";
  const sessionId = `test-${randomUUID()}`;
  const token = `${sessionId}.${secret}`;
  let userId: string;

  beforeAll(async () => {
    tenant = await createTestTenant(database.owner);
    const [user] = await database.owner.sql<{ id: string }[]>`
      insert into users (email, display_name) values (${`definer-${randomUUID()}@sigap112.test`}, 'Definer Probe') returning id`;
    if (!user) throw new Error("user insert returned nothing");
    userId = user.id;
    await database.owner
      .sql`insert into memberships (tenant_id, user_id, role) values (${tenant.id}, ${userId}, 'operator')`;
    const secretHash = createHash("sha256").update(secret).digest("hex");
    await database.owner.sql`
      insert into sessions (id, secret_hash, user_id, expires_at, two_factor_verified_at)
      values (${sessionId}, ${secretHash}, ${userId}, now() + interval '1 day', now())`;
  });

  afterAll(async () => {
    await database.owner.sql`delete from users where id = ${userId}`;
    await database.owner.sql`delete from tenants where id = ${tenant.id}`;
  });

  it("user_tenants() lists the session user's tenants, and nothing for a wrong secret", async () => {
    const own = await database.app.sql<{ slug: string }[]>`select slug from user_tenants(${token})`;
    expect(own.map((row) => row.slug)).toEqual([tenant.slug]);
    expect(
      await database.app.sql`select * from user_tenants(${`${sessionId}.guessed`})`,
    ).toHaveLength(0);
  });

  it("user_tenants() refuses an expired session", async () => {
    await database.owner
      .sql`update sessions set expires_at = now() - interval '1 second' where id = ${sessionId}`;
    try {
      expect(await database.app.sql`select * from user_tenants(${token})`).toHaveLength(0);
    } finally {
      await database.owner
        .sql`update sessions set expires_at = now() + interval '1 day' where id = ${sessionId}`;
    }
  });

  it("audit_log_all() refuses a live session whose user is not a platform admin, and serves one who is", async () => {
    const call = () =>
      database.app
        .sql`select * from audit_log_all(${token}, null, null, null, null, null, null, null, null, 1)`;
    await expect(call()).rejects.toThrow(/platform admin is required/);
    await database.owner
      .sql`update users set platform_role = 'platform_admin' where id = ${userId}`;
    await expect(call()).resolves.toBeDefined();
  });
});

describe("claim_did() binds a number to a trunk of the caller's own tenant", () => {
  let home: TestTenant;
  let other: TestTenant;
  let otherTrunkId: string;

  beforeAll(async () => {
    [home, other] = await Promise.all([
      createTestTenant(database.owner),
      createTestTenant(database.owner),
    ]);
    const [trunk] = await database.owner.sql<{ id: string }[]>`
      insert into phone_trunks (tenant_id, name, carrier, sip_host, max_channels, auth, allowed_addresses)
      values (${other.id}, 'Other trunk', 'telkom', 'sip.example.test', 10, 'ip_allow_list', array['192.0.2.10'])
      returning id`;
    if (!trunk) throw new Error("trunk insert returned nothing");
    otherTrunkId = trunk.id;
  });

  afterAll(async () => {
    await database.owner.sql`delete from tenants where id in (${home.id}, ${other.id})`;
  });

  it("refuses another tenant's trunk id", async () => {
    const claim = database.app.sql.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${home.id}, true)`;
      await tx`select claim_did('+62315550199', ${otherTrunkId}::uuid)`;
    });
    await expect(claim).rejects.toThrow(/did_routes_owner_trunk_fk/);
    expect(
      await database.owner.sql`select 1 from did_routes where did = '+62315550199'`,
    ).toHaveLength(0);
  });
});
