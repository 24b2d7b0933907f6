import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgBoss } from "pg-boss";
import { callPurgeQueue, jobSchema } from "@sigap/db/jobs";
import {
  connectTestDatabase,
  createTestTenant,
  deleteTestTenants,
  type TestTenant,
} from "@sigap/tenancy/testing";
import { serveCallPurge } from "../../src/calls/retention.ts";
import { createLogger } from "../../src/logger.ts";
import { logSink } from "../server.ts";

// Calls are personal data: the hourly pg-boss job deletes each tenant's calls once they are older
// than its retention period (its own setting, or a year), with their events and feed entries.

const database = connectTestDatabase();
const { owner } = database;
const { sink, lines } = logSink();
let boss: PgBoss;
let shortRetention: TestTenant;
let defaultRetention: TestTenant;

beforeAll(async () => {
  shortRetention = await createTestTenant(owner);
  defaultRetention = await createTestTenant(owner);
  await owner.sql`insert into tenant_settings (tenant_id, key, value) values (${shortRetention.id}, 'call_retention_days', '30')`;
  // The worker as the worker process runs it: the runtime role, the schema the migration installed.
  boss = new PgBoss({
    connectionString: database.urls.appUrl,
    schema: jobSchema,
    migrate: false,
    createSchema: false,
    max: 2,
  });
  boss.on("error", () => {});
  await boss.start();
  await serveCallPurge(boss, database.app.db, createLogger("info", "worker", sink));
});

afterAll(async () => {
  await boss.stop({ graceful: false });
  await deleteTestTenants(owner, [shortRetention, defaultRetention]);
  await database.close();
});

/** A call offered `daysAgo` days ago, with one event and one feed entry, written as the owner. */
async function callFrom(tenant: TestTenant, daysAgo: number): Promise<string> {
  // As text: the shared client's date serialisation belongs to Drizzle.
  const offeredAt = new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000).toISOString();
  const [call] = await owner.sql<{ id: string }[]>`
    insert into calls (tenant_id, trunk_id, external_call_id, did, caller_number, state, offered_at)
    values (${tenant.id}, gen_random_uuid(), ${`retention-${String(daysAgo)}-${String(Math.random())}`}, '+623199112000', '+6281234567890', 'ended', ${offeredAt}::timestamptz)
    returning id`;
  if (!call) throw new Error("no call inserted");
  await owner.sql`
    insert into call_events (tenant_id, event_id, call_id, type, occurred_at, event)
    values (${tenant.id}, ${`event-${call.id}`}, ${call.id}, 'call.offered', ${offeredAt}::timestamptz, '{}'::jsonb)`;
  await owner.sql`
    insert into call_feed (tenant_id, seq, call_id, call, created_at)
    values (${tenant.id}, (select coalesce(max(seq), 0) + 1 from call_feed where tenant_id = ${tenant.id}), ${call.id}, '{}'::jsonb, ${offeredAt}::timestamptz)`;
  return call.id;
}

const remaining = async (
  table: "calls" | "call_events" | "call_feed",
  column: "id" | "call_id",
  ids: string[],
) =>
  (
    await owner.sql<
      { id: string }[]
    >`select ${owner.sql(column)} as id from ${owner.sql(table)} where ${owner.sql(column)} = any(${ids}::uuid[])`
  )
    .map((row) => row.id)
    .sort();

describe("the call retention purge", () => {
  it("deletes calls past each tenant's own retention period, with their events and feed entries", async () => {
    const expiredShort = await callFrom(shortRetention, 40);
    const keptShort = await callFrom(shortRetention, 10);
    const keptDefault = await callFrom(defaultRetention, 40);
    const expiredDefault = await callFrom(defaultRetention, 400);

    await boss.send(callPurgeQueue, {});
    const all = [expiredShort, keptShort, keptDefault, expiredDefault];
    await expect
      .poll(() => remaining("calls", "id", all), { timeout: 20_000, interval: 250 })
      .toEqual([keptShort, keptDefault].sort());
    expect(await remaining("call_events", "call_id", all)).toEqual([keptShort, keptDefault].sort());
    // Feed entries go with their calls, and those of kept calls once they are older than two days.
    expect(await remaining("call_feed", "call_id", all)).toEqual([]);
    // The purge goes through every tenant of the shared database and says so once it is through
    // them all, which may be after this test's two tenants were done.
    await expect
      .poll(() => lines, { timeout: 20_000, interval: 250 })
      .toContainEqual(expect.objectContaining({ msg: "calls past their retention deleted" }));
  });
});
