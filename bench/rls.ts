#!/usr/bin/env node
// What does row-level security cost? 514 tenants × 2,000 rows in a tenant table carrying the
// production policy; one tenant-scoped list query (newest 50 rows), interleaved, random tenant:
//   A.  withTenant as the runtime role, RLS alone doing the scoping: how application code is written;
//   B.  the same query as the owner in a transaction, with WHERE tenant_id = $1 and no RLS;
//   A2. withTenant with a redundant WHERE tenant_id = $1 as well: B's exact SQL, under RLS;
//   C.  the owner, a bare statement without a transaction, to show what the transaction costs.
// Prints each median and the ratios. Goal: A/B ≤ 1.10.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { createDatabase } from "@sigap/db/client";
import { runMigrations } from "@sigap/db/migrate";
import { appRoleName, currentTenantExpression } from "@sigap/db/schema";
import { startLocalPostgres } from "@sigap/dev/postgres";
import { freePort } from "@sigap/dev/free-port";
import { asTenantId, withTenant } from "@sigap/tenancy";

const tenants = 514;
const rowsPerTenant = 2_000;
const rounds = 3_000;

const dataRoot = await mkdtemp(join(tmpdir(), "sigap-bench-rls-"));
const server = await startLocalPostgres({ dataDir: join(dataRoot, "data"), port: await freePort(), persistent: false });
try {
  await runMigrations(server.ownerUrl);
  const owner = createDatabase(server.ownerUrl, { max: 1 });
  const app = createDatabase(server.appUrl, { max: 1 });

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
    insert into bench_call_log
    select t.id, n, now() - make_interval(secs => n * 37), 'area-' || (n % 40), (array['emergency','prank','ghost','info'])[1 + n % 4]
      from (select gen_random_uuid() as id from generate_series(1, ${tenants})) t,
           generate_series(1, ${rowsPerTenant}) n;
    analyze bench_call_log;`);
  const tenantIds = (await owner.sql<{ id: string }[]>`select distinct tenant_id as id from bench_call_log`).map((row) =>
    asTenantId(row.id),
  );
  console.log("done");

  const listQuery = sql`select id, received_at, caller_area, disposition from bench_call_log`;
  const page = sql`order by received_at desc limit 50`;
  const scoped = (tenant: string) => sql`${listQuery} where tenant_id = ${tenant} ${page}`;
  const variants = {
    "A  withTenant, RLS alone": (tenant: string) =>
      withTenant(app.db, asTenantId(tenant), (tx) => tx.execute(sql`${listQuery} ${page}`)),
    "B  owner, transaction, WHERE tenant_id": (tenant: string) =>
      owner.db.transaction((tx) => tx.execute(scoped(tenant))),
    "A2 withTenant, RLS + redundant WHERE": (tenant: string) =>
      withTenant(app.db, asTenantId(tenant), (tx) => tx.execute(scoped(tenant))),
    "C  owner, bare statement, WHERE tenant_id": (tenant: string) => owner.db.execute(scoped(tenant)),
  };
  const timings = Object.fromEntries(Object.keys(variants).map((name) => [name, [] as number[]]));

  for (let round = -200; round < rounds; round++) {
    const tenant = tenantIds[Math.floor(Math.random() * tenantIds.length)] ?? "";
    for (const [name, run] of Object.entries(variants)) {
      const started = performance.now();
      const rows = await run(tenant);
      const elapsed = performance.now() - started;
      if (rows.length !== 50) throw new Error(`${name} returned ${rows.length} rows, expected 50`);
      if (round >= 0) timings[name]?.push(elapsed);
    }
  }

  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  const medians = Object.fromEntries(Object.entries(timings).map(([name, values]) => [name, median(values)]));
  console.log(`\n${rounds} interleaved rounds, random tenant each round; median per query:`);
  for (const [name, value] of Object.entries(medians)) console.log(`  ${name.padEnd(44)} ${(value * 1000).toFixed(0)} µs`);
  const [a, b, a2, c] = Object.values(medians) as [number, number, number, number];
  console.log(`\n  RLS cost                      A/B  = ${(a / b).toFixed(3)}   (goal ≤ 1.10)`);
  console.log(`  RLS plus a redundant filter   A2/B = ${(a2 / b).toFixed(3)}`);
  console.log(`  withTenant vs a bare query    A/C  = ${(a / c).toFixed(3)}   (the transaction's own round trips)`);
  await Promise.all([owner.close(), app.close()]);
} finally {
  await server.stop();
  await rm(dataRoot, { recursive: true, force: true });
}
