#!/usr/bin/env node
// What do row-level security and acting as a tenant cost? 514 tenants × 2,000 rows in a tenant
// table carrying the production policy; one tenant-scoped list query (newest 50 rows), interleaved,
// random tenant:
//   A.  withTenant as the runtime role, RLS alone doing the scoping: how application code is written;
//   A1. withTenantStatement, the same read as a single-statement unit (BEGIN…COMMIT in one write);
//   R.  withTenant read-only, as the API runs a query: COMMIT sent after the read, not waited for;
//   A0. what withTenant did before: Drizzle's transaction on postgres.js's begin, which awaits BEGIN
//       and COMMIT, with Drizzle's unprepared statements;
//   B.  the same query as the owner in a transaction, with WHERE tenant_id = $1 and no RLS;
//   A2. withTenant with a redundant WHERE tenant_id = $1 as well: B's exact SQL, under RLS;
//   C.  the owner, one bare prepared statement (one round trip): the floor any unit is held to.
// And a two-statement write as a tenant (insert, then update the row): W with withTenant, W0 as before.
// Prints each median and the ratios. Goals: A/B ≤ 1.10, A1/C ≤ 1.20 (R/C too: it is the API's path).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { createDatabase, type Executor, type Transaction } from "@sigap/db/client";
import { runMigrations } from "@sigap/db/migrate";
import { appRoleName, currentTenantExpression } from "@sigap/db/schema";
import { startLocalPostgres } from "@sigap/dev/postgres";
import { freePort } from "@sigap/dev/free-port";
import { asTenantId, withTenant, withTenantStatement } from "@sigap/tenancy";

const tenants = 514;
const rowsPerTenant = 2_000;
const rounds = 3_000;

const dataRoot = await mkdtemp(join(tmpdir(), "sigap-bench-rls-"));
const server = await startLocalPostgres({
  dataDir: join(dataRoot, "data"),
  port: await freePort(),
  persistent: false,
});
try {
  await runMigrations(server.ownerUrl);
  const owner = createDatabase(server.ownerUrl, { max: 1 });
  const app = createDatabase(server.appUrl, { max: 1 });
  const before = createDatabase(server.appUrl, { max: 1, pipelined: false });

  process.stdout.write(`loading ${tenants} tenants × ${rowsPerTenant} rows… `);
  await owner.sql.unsafe(`
    create table bench_call_log (
      tenant_id uuid not null,
      id bigint not null,
      received_at timestamptz not null,
      caller_area text not null,
      disposition text not null,
      primary key (tenant_id, id)
    );
    create index on bench_call_log (tenant_id, received_at desc);
    alter table bench_call_log enable row level security;
    alter table bench_call_log force row level security;
    create policy tenant_isolation on bench_call_log for all to ${appRoleName}
      using (tenant_id = ${currentTenantExpression}) with check (tenant_id = ${currentTenantExpression});
    grant select on bench_call_log to ${appRoleName};
    create table bench_write (tenant_id uuid not null, id bigint not null, n int not null, primary key (tenant_id, id));
    alter table bench_write enable row level security;
    alter table bench_write force row level security;
    create policy tenant_isolation on bench_write for all to ${appRoleName}
      using (tenant_id = ${currentTenantExpression}) with check (tenant_id = ${currentTenantExpression});
    grant select, insert, update on bench_write to ${appRoleName};
    insert into bench_call_log
    select t.id, n, now() - make_interval(secs => n * 37), 'area-' || (n % 40), (array['emergency','prank','ghost','info'])[1 + n % 4]
      from (select gen_random_uuid() as id from generate_series(1, ${tenants})) t,
           generate_series(1, ${rowsPerTenant}) n;
    analyze bench_call_log;`);
  const tenantIds = (
    await owner.sql<{ id: string }[]>`select distinct tenant_id as id from bench_call_log`
  ).map((row) => asTenantId(row.id));
  console.log("done");

  const listText = "select id, received_at, caller_area, disposition from bench_call_log";
  const pageText = "order by received_at desc limit 50";
  const listQuery = sql.raw(`${listText} ${pageText}`);
  const scoped = (tenant: string) =>
    sql`${sql.raw(listText)} where tenant_id = ${tenant} ${sql.raw(pageText)}`;
  /** The postgres.js transaction under a Drizzle one, as far as the old withTenant used it. */
  type DriverTransaction = (
    strings: TemplateStringsArray,
    ...values: unknown[]
  ) => { execute: () => Promise<unknown> };
  /** withTenant as it was before pipelining (git show 21483a7:packages/tenancy/src/with-tenant.ts). */
  const withTenantBefore = <T>(tenant: string, fn: (tx: Transaction) => Promise<T>) =>
    before.db.transaction(async (tx) => {
      const driver = Reflect.get(
        Reflect.get(tx, "session") as object,
        "client",
      ) as DriverTransaction;
      const tenantSet = driver`select set_config('app.tenant_id', ${tenant}, true)`.execute();
      try {
        return await fn(tx);
      } finally {
        await tenantSet;
      }
    });
  let nextId = 0;
  const insertOne = (tx: Executor, tenant: string, id: number) =>
    tx.execute(sql`insert into bench_write (tenant_id, id, n) values (${tenant}, ${id}, 0)`);
  const updateOne = (tx: Executor, id: number) =>
    tx.execute(sql`update bench_write set n = n + 1 where id = ${id} returning id`);
  // Each variant with the number of rows it must return.
  const variants: Record<
    string,
    { rows: number; run: (tenant: string) => Promise<{ length: number }> }
  > = {
    "A  withTenant, RLS alone": {
      rows: 50,
      run: (tenant) => withTenant(app.db, asTenantId(tenant), (tx) => tx.execute(listQuery)),
    },
    "A1 withTenantStatement, RLS alone": {
      rows: 50,
      run: (tenant) =>
        withTenantStatement(app.db, asTenantId(tenant), (tx) => tx.execute(listQuery)),
    },
    // The unit after a read-only one on the same connection waits for its COMMIT's answer; the
    // variant after R runs on another pool, so that wait never lands on another variant's clock.
    "R  withTenant read-only, RLS alone": {
      rows: 50,
      run: (tenant) =>
        withTenant(app.db, asTenantId(tenant), (tx) => tx.execute(listQuery), { readOnly: true }),
    },
    "A0 withTenant as before": {
      rows: 50,
      run: (tenant) => withTenantBefore(tenant, (tx) => tx.execute(listQuery)),
    },
    "B  owner, transaction, WHERE tenant_id": {
      rows: 50,
      run: (tenant) => owner.db.transaction((tx) => tx.execute(scoped(tenant))),
    },
    "A2 withTenant, RLS + redundant WHERE": {
      rows: 50,
      run: (tenant) => withTenant(app.db, asTenantId(tenant), (tx) => tx.execute(scoped(tenant))),
    },
    "C  owner, bare prepared statement, WHERE": {
      rows: 50,
      run: (tenant) =>
        owner.sql.unsafe(`${listText} where tenant_id = $1 ${pageText}`, [tenant], {
          prepare: true,
        }),
    },
    "W  withTenant, insert then update": {
      rows: 1,
      run: (tenant) => {
        const id = nextId++;
        return withTenant(app.db, asTenantId(tenant), async (tx) => {
          await insertOne(tx, tenant, id);
          return updateOne(tx, id);
        });
      },
    },
    "W0 withTenant as before, insert then update": {
      rows: 1,
      run: (tenant) => {
        const id = nextId++;
        return withTenantBefore(tenant, async (tx) => {
          await insertOne(tx, tenant, id);
          return updateOne(tx, id);
        });
      },
    },
  };
  const timings = Object.fromEntries(Object.keys(variants).map((name) => [name, [] as number[]]));

  for (let round = -200; round < rounds; round++) {
    const tenant = tenantIds[Math.floor(Math.random() * tenantIds.length)] ?? "";
    for (const [name, { rows: expected, run }] of Object.entries(variants)) {
      const started = performance.now();
      const rows = await run(tenant);
      const elapsed = performance.now() - started;
      if (rows.length !== expected)
        throw new Error(`${name} returned ${rows.length} rows, expected ${expected}`);
      if (round >= 0) timings[name]?.push(elapsed);
    }
  }

  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  const medians = Object.fromEntries(
    Object.entries(timings).map(([name, values]) => [name, median(values)]),
  );
  console.log(`\n${rounds} interleaved rounds, random tenant each round; median per unit:`);
  for (const [name, value] of Object.entries(medians))
    console.log(`  ${name.padEnd(44)} ${(value * 1000).toFixed(0)} µs`);
  const [a, a1, r, a0, b, a2, c, w, w0] = Object.values(medians) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ratio = (label: string, value: number, note = "") => {
    console.log(`  ${label.padEnd(44)} ${value.toFixed(3)}${note ? `   (${note})` : ""}`);
  };
  console.log("");
  ratio("RLS cost                              A/B", a / b, "goal ≤ 1.10");
  ratio("RLS plus a redundant filter           A2/B", a2 / b);
  ratio("single read as a tenant vs bare      A1/C", a1 / c, "goal ≤ 1.20: one round trip each");
  ratio(
    "read-only read as a tenant vs bare    R/C",
    r / c,
    "one round trip waited for: the API's queries",
  );
  ratio(
    "withTenant read vs bare               A/C",
    a / c,
    "BEGIN and the setting ride along; COMMIT waits",
  );
  ratio("as before (BEGIN, COMMIT awaited)    A0/C", a0 / c);
  ratio("two-statement write, now vs before  W/W0", w / w0, "three round trips against six");
  ratio("two-statement write vs a bare read     W/C", w / c);
  await Promise.all([owner.close(), app.close(), before.close()]);
} finally {
  await server.stop();
  await rm(dataRoot, { recursive: true, force: true });
}
