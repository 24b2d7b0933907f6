import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createDatabase } from "@sigap/db/client";
import { tenantSettings } from "@sigap/db/schema";
import { connectTestDatabase, createTestTenant, deleteTestTenants } from "./harness.ts";
import { withTenant } from "../src/index.ts";

// A connection Postgres drops (a restart, a failover, an administrator's pg_terminate_backend)
// while a transaction holds it or requests wait for it. The pool must come back by itself. Before
// the fixes in patches/postgres@3.4.9.patch, postgres.js stranded a request waiting for a
// connection (porsager/postgres#1195), let a dropped transaction's handle release or use the
// connection after it had reconnected for someone else (#1199), never answered a ROLLBACK sent
// between the socket's error and its close, failed the reconnect's first caller with the
// server's parting 57P01, and never settled the statements a transaction had queued behind one
// being prepared: an API whose Postgres restarted under load hung until it was restarted.

const database = connectTestDatabase();
const pools: ReturnType<typeof createDatabase>[] = [];

/**
 * A pool of one connection, named so that only its backend is terminated. It signs in as the
 * owner, since a role that is not a superuser may terminate only its own role's backends.
 */
function poolOfOne() {
  const applicationName = `sigap-test-lost-${pools.length}-${process.pid}`;
  const pool = createDatabase(database.urls.ownerUrl, { max: 1, applicationName });
  pools.push(pool);
  const terminate = () =>
    database.owner
      .sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${applicationName}`;
  return { ...pool, terminate };
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});
afterAll(() => database.close());

describe("a connection Postgres drops", () => {
  it(
    "does not strand a request that waits for the pool's only connection",
    { timeout: 15_000 },
    async () => {
      const pool = poolOfOne();
      const holder = await pool.sql.reserve();
      await holder`select 1`;
      const waiting = pool.sql.reserve(); // queued behind the holder

      await pool.terminate();

      const next = await waiting;
      expect(await next`select 2 as two`).toEqual([{ two: 2 }]);
      next.release();
    },
  );

  it(
    "is not handed out again by the transaction that held it, nor used by it once it serves someone else",
    { timeout: 15_000 },
    async () => {
      const pool = poolOfOne();
      const stale = await pool.sql.reserve();
      await stale`select 1`;
      await pool.terminate();
      await expect(stale`select 1`).rejects.toThrow(); // 57P01, ECONNRESET or CONNECTION_CLOSED, as the socket's end arrives

      // The pool reconnects for the next request; the old handle can neither release nor reach it.
      const current = await pool.sql.reserve();
      await current`select set_config('app.mark', 'current', false)`;
      stale.release();
      await expect(stale`select current_setting('app.mark', true) as mark`).rejects.toMatchObject({
        code: "CONNECTION_CLOSED",
      });
      expect(await current`select current_setting('app.mark', true) as mark`).toEqual([
        { mark: "current" },
      ]);
      current.release();
      expect(await pool.sql`select 3 as three`).toEqual([{ three: 3 }]);
    },
  );

  it(
    "fails the statements a transaction queued behind one still being prepared",
    { timeout: 15_000 },
    async () => {
      const pool = poolOfOne();
      const held = await pool.sql.reserve();
      // A statement with parameters, new to the connection, is described before it runs; the
      // statements issued behind it wait in the reservation's own queue until it is answered.
      const running = held`select pg_sleep(5), ${1}::int as one`;
      const queued = held`select ${2}::int as two`;
      running.catch(() => {});
      queued.catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 300));

      await pool.terminate();

      await expect(running).rejects.toThrow();
      await expect(queued).rejects.toMatchObject({ code: "CONNECTION_CLOSED" });
      expect(await pool.sql`select 3 as three`).toEqual([{ three: 3 }]);
    },
  );

  it(
    "fails the tenant transaction it held, and the next one runs on a fresh connection",
    { timeout: 15_000 },
    async () => {
      const pool = poolOfOne();
      const tenant = await createTestTenant(database.owner);
      try {
        const read = () =>
          withTenant(pool.db, tenant.id, (tx) =>
            tx
              .select({ key: tenantSettings.key })
              .from(tenantSettings)
              .where(eq(tenantSettings.tenantId, tenant.id)),
          );
        let queued: Promise<unknown[]> | undefined;
        const dropped = withTenant(pool.db, tenant.id, async (tx) => {
          await tx
            .insert(tenantSettings)
            .values({ tenantId: tenant.id, key: "before-drop", value: "x" });
          queued = Promise.all([read(), read(), read()]); // waiting for the pool's one connection
          await pool.terminate();
          await tx.execute(sql`select 1`);
        });
        await expect(dropped).rejects.toThrow();
        // The requests that waited are answered, and the dropped transaction wrote nothing.
        expect(await queued).toEqual([[], [], []]);
      } finally {
        await deleteTestTenants(database.owner, [tenant]);
      }
    },
  );
});
