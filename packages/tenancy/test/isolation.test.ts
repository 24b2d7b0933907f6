import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantSettings, tenants } from "@sigap/db/schema";
import {
  connectTestDatabase,
  createTestTenant,
  deleteTestTenants,
  type TestTenant,
} from "./harness.ts";
import { tenantTables } from "./isolation-rules.ts";
import { withTenant } from "../src/index.ts";

const database = connectTestDatabase();
const app = database.app.db;
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await createTestTenant(database.owner);
  b = await createTestTenant(database.owner);
  await database.owner.sql`
    insert into tenant_settings (tenant_id, key, value)
    values (${a.id}, 'greeting', 'from a'), (${b.id}, 'greeting', 'from b')`;
});

afterAll(async () => {
  await deleteTestTenants(database.owner, [a, b]);
  await database.close();
});

const rlsViolation = { cause: expect.objectContaining({ code: "42501" }) as unknown };

describe("as the runtime role, inside withTenant", () => {
  it("a tenant reads only its own rows", async () => {
    const rows = await withTenant(app, a.id, (tx) => tx.select().from(tenantSettings));
    expect(rows.map((row) => row.tenantId)).toEqual(rows.map(() => a.id));
    expect(rows.map((row) => row.value)).toContain("from a");
  });

  it("another tenant's rows are invisible even when asked for by id", async () => {
    const rows = await withTenant(app, a.id, (tx) =>
      tx
        .select()
        .from(tenantSettings)
        .where(sql`${tenantSettings.tenantId} = ${b.id}`),
    );
    expect(rows).toEqual([]);
    const ownTenant = await withTenant(app, a.id, (tx) =>
      tx.select({ id: tenants.id }).from(tenants),
    );
    expect(ownTenant).toEqual([{ id: a.id }]);
  });

  it("a tenant cannot insert rows for another tenant", async () => {
    await expect(
      withTenant(app, a.id, (tx) =>
        tx.insert(tenantSettings).values({ tenantId: b.id, key: "intrusion", value: "x" }),
      ),
    ).rejects.toMatchObject(rlsViolation);
  });

  it("a tenant cannot update or delete another tenant's rows", async () => {
    const updated = await withTenant(app, a.id, (tx) =>
      tx
        .update(tenantSettings)
        .set({ value: "hijacked" })
        .where(sql`${tenantSettings.tenantId} = ${b.id}`)
        .returning(),
    );
    const deleted = await withTenant(app, a.id, (tx) =>
      tx
        .delete(tenantSettings)
        .where(sql`${tenantSettings.tenantId} = ${b.id}`)
        .returning(),
    );
    expect(updated).toEqual([]);
    expect(deleted).toEqual([]);
    const [untouched] = await database.owner
      .sql`select value from tenant_settings where tenant_id = ${b.id} and key = 'greeting'`;
    expect(untouched).toEqual({ value: "from b" });
  });

  it("a tenant cannot move its own row to another tenant", async () => {
    await expect(
      withTenant(app, a.id, (tx) =>
        tx
          .update(tenantSettings)
          .set({ tenantId: b.id })
          .where(sql`${tenantSettings.key} = 'greeting'`),
      ),
    ).rejects.toMatchObject(rlsViolation);
  });

  it("every tenant table shows a tenant none of another tenant's rows", async () => {
    for (const table of await tenantTables(database.owner.sql)) {
      const [row] = await withTenant(app, a.id, (tx) =>
        tx.execute<{ foreign: number }>(
          sql`select count(*)::int as foreign from ${sql.identifier(table)} where tenant_id <> ${a.id}`,
        ),
      );
      expect({ table, foreign: row?.foreign }).toEqual({ table, foreign: 0 });
    }
  });
});

describe("as the runtime role, with no tenant set", () => {
  it("sees nothing in any tenant table", async () => {
    for (const table of await tenantTables(database.owner.sql)) {
      const [row] = await app.execute<{ count: number }>(
        sql`select count(*)::int as count from ${sql.identifier(table)}`,
      );
      expect({ table, count: row?.count }).toEqual({ table, count: 0 });
    }
    expect(await app.select().from(tenants)).toEqual([]);
  });

  it("cannot write into a tenant table", async () => {
    await expect(
      app.insert(tenantSettings).values({ tenantId: a.id, key: "orphan", value: "x" }),
    ).rejects.toMatchObject(rlsViolation);
  });

  it("the tenant setting does not outlive its transaction on a pooled connection", async () => {
    const single = (await import("@sigap/db/client")).createDatabase(database.urls.appUrl, {
      max: 1,
    });
    try {
      await withTenant(single.db, a.id, (tx) => tx.select().from(tenantSettings));
      const [row] = await single.sql<
        { tenant: string | null }[]
      >`select nullif(current_setting('app.tenant_id', true), '') as tenant`;
      expect(row?.tenant).toBeNull();
      expect(await single.db.select().from(tenantSettings)).toEqual([]);
    } finally {
      await single.close();
    }
  });
});
