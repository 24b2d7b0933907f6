import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@sigap/db/client";
import { tenantSettings } from "@sigap/db/schema";
import {
  connectTestDatabase,
  createTestTenant,
  deleteTestTenants,
  type TestTenant,
} from "./harness.ts";
import { countRoundTrips, type RoundTripCounter } from "./round-trips.ts";
import { withTenant, withTenantStatement, type TenantId } from "../src/index.ts";

// The runtime role through a round-trip-counting proxy, on one connection, so that every unit
// below runs on the connection the previous one left behind.
const database = connectTestDatabase();
let proxy: RoundTripCounter;
let single: ReturnType<typeof createDatabase>;
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  proxy = await countRoundTrips(database.urls.appUrl);
  single = createDatabase(proxy.url, { max: 1, applicationName: "sigap-test-pipeline" });
  a = await createTestTenant(database.owner);
  b = await createTestTenant(database.owner);
  await database.owner.sql`
    insert into tenant_settings (tenant_id, key, value)
    values (${a.id}, 'greeting', 'from a'), (${b.id}, 'greeting', 'from b')`;
});

afterAll(async () => {
  await single.close();
  await proxy.close();
  await deleteTestTenants(database.owner, [a, b]);
  await database.close();
});

const greeting = (db: Database, tenant: TenantId) =>
  withTenantStatement(db, tenant, (tx) =>
    tx.select({ value: tenantSettings.value }).from(tenantSettings),
  );

/** Round trips `unit` takes once the connection is warm (connected, its statements prepared). */
async function roundTrips(unit: () => Promise<unknown>): Promise<number> {
  await unit();
  proxy.reset();
  await unit();
  return proxy.count();
}

async function settingsOf(tenant: TestTenant): Promise<string[]> {
  const rows = await database.owner.sql<
    { key: string }[]
  >`select key from tenant_settings where tenant_id = ${tenant.id} order by key`;
  return rows.map((row) => row.key);
}

/**
 * What the next user of the pool's one connection finds: no tenant setting, and no transaction
 * left open (in a fresh implicit transaction, the transaction began with this very statement).
 */
async function connectionLeftClean() {
  // A simple-protocol query: one message, so the statement starts with its implicit transaction.
  const [row] = await single.sql.unsafe<{ tenant: string | null; inFreshTransaction: boolean }[]>(`
    select nullif(current_setting('app.tenant_id', true), '') as tenant,
           transaction_timestamp() = statement_timestamp() as "inFreshTransaction"`);
  return row;
}

describe("round trips per unit, counted on the wire", () => {
  it("a single read as a tenant is one round trip: BEGIN, the setting, the read and COMMIT travel together", async () => {
    expect(await roundTrips(() => greeting(single.db, a.id))).toBe(1);
    expect(await greeting(single.db, a.id)).toEqual([{ value: "from a" }]);
  });

  it("a bare statement is one round trip too, so a tenant's read costs no more than an untenanted one", async () => {
    expect(await roundTrips(() => single.db.select().from(tenantSettings))).toBe(1);
  });

  it("a bare statement with parameters is prepared, so it does not first ask Postgres for their types", async () => {
    const sessionLike = () =>
      single.db.select().from(tenantSettings).where(eq(tenantSettings.key, "greeting"));
    expect(await roundTrips(sessionLike)).toBe(1);
  });

  it("a read-only unit answers its caller without waiting for COMMIT, and hands the connection on after it", async () => {
    const read = () =>
      withTenant(
        single.db,
        a.id,
        (tx) => tx.select({ value: tenantSettings.value }).from(tenantSettings),
        { readOnly: true },
      );
    expect(await roundTrips(read)).toBe(2); // on the wire: the read, then COMMIT
    await greeting(single.db, a.id); // the pool's one connection, once that COMMIT is answered

    const releaseCommitAnswers = proxy.holdCommitAnswers();
    // Resolves while Postgres's answer to its COMMIT is held back: its caller never waited for it.
    expect(await read()).toEqual([{ value: "from a" }]);
    const next = greeting(single.db, b.id);
    releaseCommitAnswers();
    expect(await next).toEqual([{ value: "from b" }]);
    expect(await connectionLeftClean()).toEqual({ tenant: null, inFreshTransaction: true });
  });

  it("withTenant adds only COMMIT: BEGIN and the setting travel with the first statement", async () => {
    const read = () => withTenant(single.db, a.id, (tx) => tx.select().from(tenantSettings));
    expect(await roundTrips(read)).toBe(2);

    const write = () =>
      withTenant(single.db, a.id, async (tx) => {
        await tx
          .insert(tenantSettings)
          .values({ tenantId: a.id, key: "counted", value: "1" })
          .onConflictDoNothing();
        await tx
          .update(tenantSettings)
          .set({ value: "2" })
          .where(eq(tenantSettings.key, "counted"));
      });
    expect(await roundTrips(write)).toBe(3);
    await database.owner
      .sql`delete from tenant_settings where tenant_id = ${a.id} and key = 'counted'`;
  });
});

describe("a failure inside a pipelined unit", () => {
  it("rolls back every statement, even those sent with it, and leaves the connection clean for the next tenant", async () => {
    const unit = withTenant(single.db, a.id, (tx) =>
      // Written to the socket together, before any answer: the second fails, the third is refused.
      Promise.all([
        tx.insert(tenantSettings).values({ tenantId: a.id, key: "before-failure", value: "x" }),
        tx.execute(sql`select 1 / 0`),
        tx.insert(tenantSettings).values({ tenantId: a.id, key: "after-failure", value: "x" }),
      ]),
    );
    await expect(unit).rejects.toMatchObject({
      cause: expect.objectContaining({ code: "22012" }) as unknown,
    });

    expect(await settingsOf(a)).toEqual(["greeting"]);
    expect(await connectionLeftClean()).toEqual({ tenant: null, inFreshTransaction: true });
    expect(await greeting(single.db, b.id)).toEqual([{ value: "from b" }]);
  });

  it("a write in a read-only unit is refused by Postgres and leaves nothing written", async () => {
    const write = withTenant(
      single.db,
      a.id,
      (tx) => tx.insert(tenantSettings).values({ tenantId: a.id, key: "read-only", value: "x" }),
      {
        readOnly: true,
      },
    );
    await expect(write).rejects.toMatchObject({
      cause: expect.objectContaining({ code: "25006" }) as unknown,
    });

    expect(await settingsOf(a)).toEqual(["greeting"]);
    expect(await connectionLeftClean()).toEqual({ tenant: null, inFreshTransaction: true });
  });

  it("a failed single statement is rolled back by the COMMIT sent behind it", async () => {
    const intrusion = withTenantStatement(single.db, a.id, (tx) =>
      tx.insert(tenantSettings).values({ tenantId: b.id, key: "intrusion", value: "x" }),
    );
    await expect(intrusion).rejects.toMatchObject({
      cause: expect.objectContaining({ code: "42501" }) as unknown,
    });

    expect(await settingsOf(b)).toEqual(["greeting"]);
    expect(await connectionLeftClean()).toEqual({ tenant: null, inFreshTransaction: true });
    expect(await greeting(single.db, b.id)).toEqual([{ value: "from b" }]);
  });

  it("a second statement in a single-statement unit is refused before it reaches the database", async () => {
    const twoStatements = withTenantStatement(single.db, a.id, async (tx) => {
      await tx.insert(tenantSettings).values({ tenantId: a.id, key: "first", value: "x" });
      return tx.insert(tenantSettings).values({ tenantId: a.id, key: "second", value: "x" });
    });
    await expect(twoStatements).rejects.toHaveProperty(
      "cause.message",
      "The transaction was declared to end with its previous statement",
    );

    // The first statement was the unit: it committed with it, and nothing ran after the COMMIT.
    expect(await settingsOf(a)).toEqual(["first", "greeting"]);
    expect(await connectionLeftClean()).toEqual({ tenant: null, inFreshTransaction: true });
    await database.owner
      .sql`delete from tenant_settings where tenant_id = ${a.id} and key = 'first'`;
  });

  it("a failed savepoint is undone alone and the unit goes on", async () => {
    await withTenant(single.db, a.id, async (tx) => {
      await tx.insert(tenantSettings).values({ tenantId: a.id, key: "kept", value: "x" });
      await expect(
        tx.transaction((savepoint) =>
          savepoint.insert(tenantSettings).values({ tenantId: a.id, key: "kept", value: "y" }),
        ),
      ).rejects.toMatchObject({ cause: expect.objectContaining({ code: "23505" }) as unknown });
      await tx.update(tenantSettings).set({ value: "z" }).where(eq(tenantSettings.key, "kept"));
    });

    const [kept] = await database.owner.sql<{ value: string }[]>`
      select value from tenant_settings where tenant_id = ${a.id} and key = 'kept'`;
    expect(kept).toEqual({ value: "z" });
    expect(await connectionLeftClean()).toEqual({ tenant: null, inFreshTransaction: true });
    await database.owner
      .sql`delete from tenant_settings where tenant_id = ${a.id} and key = 'kept'`;
  });
});
