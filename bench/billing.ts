#!/usr/bin/env node
// A month's close: every one of the 514 kabupaten/kota is a tenant on a monthly plan with a month of
// usage (calls and agency notifications fed as usage events), and the hourly billing tick after the
// month ends issues all their invoices: the tick queues a close job per tenant, the worker rolls up
// each tenant's days and queues its issue job, and the issue jobs write the invoices (numbers, lines,
// reminder jobs, mail to the outbox, audit). Prints the time from the tick to the last invoice,
// invoices and jobs a second and one issue's p50/p99, and checks the invoices and their numbering.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { createDatabase } from "@sigap/db/client";
import { billingCloseQueue, billingIssueQueue, billingReminderQueue } from "@sigap/db/jobs";
import { runMigrations } from "@sigap/db/migrate";
import {
  assignPlan,
  insertBillingPlan,
  insertUsageEvents,
  saveBillingProfile,
} from "@sigap/db/queries";
import { seedRegions } from "@sigap/db/seed";
import { freePort } from "@sigap/dev/free-port";
import { startLocalPostgres } from "@sigap/dev/postgres";
import { testSecretKeys } from "@sigap/dev/secret-keys";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { addDays, eachDay, monthOf } from "../apps/api/src/billing/calendar.ts";
import { closeTenantBilling } from "../apps/api/src/billing/close.ts";
import {
  issueInvoice,
  type BillingDependencies,
  type IssueJob,
} from "../apps/api/src/billing/issue.ts";
import { tickBilling } from "../apps/api/src/billing/schedule.ts";
import { parseSecretKeys } from "../apps/api/src/config.ts";
import { createBoss } from "../apps/api/src/jobs/boss.ts";
import { jobSender } from "../apps/api/src/jobs/send.ts";
import { createLogger } from "../apps/api/src/logger.ts";
import { ms, seededRandom, summary } from "./_shared.ts";

// The close runs at 02:00 UTC on the 1st: 09:00–11:00 in Indonesia's three zones, past the month's end in each.
const now = new Date("2026-12-01T02:00:00Z");
const month = monthOf(addDays(now.toISOString().slice(0, 10), -1));
const year = Number(now.toISOString().slice(0, 4));
const timeoutMs = 120_000;

const dataRoot = await mkdtemp(join(tmpdir(), "sigap-bench-billing-"));
const server = await startLocalPostgres({
  dataDir: join(dataRoot, "data"),
  port: await freePort(),
  persistent: false,
});
const owner = createDatabase(server.ownerUrl, { max: 2 });
const app = createDatabase(server.appUrl, { max: 2 });
// The worker as apps/api/src/worker.ts builds it, on the runtime role; mail stays in the outbox (no SMTP), as in tests.
const boss = createBoss(server.appUrl, "worker");
boss.on("error", (error: Error) => {
  console.error(`pg-boss: ${error.message}`);
});
const worker = createDatabase(server.appUrl, { max: 4, applicationName: "sigap-worker" });
const deps: BillingDependencies = {
  db: worker.db,
  config: {
    publicUrl: "http://localhost:3000",
    mail: { smtpUrl: undefined, from: "Sigap 112 <no-reply@sigap112.test>", devOutbox: true },
    secretKeys: parseSecretKeys(testSecretKeys),
    billingSeller: {
      name: "Sigap 112 (bench)",
      address: "Jl. Medan Merdeka Barat No. 9, Jakarta Pusat 10110",
      npwp: null,
      bank: { name: "Bank bench", accountNumber: "123-456-7890", accountName: "Sigap 112" },
    },
  },
  jobs: jobSender(boss),
  log: createLogger("warn", "worker"),
};
try {
  await runMigrations(server.ownerUrl);
  // Its own connection, as seedDemo does: Drizzle's pools pass JSON parameters through unserialised.
  const seeding = postgres(server.ownerUrl, { max: 1, onnotice: () => {} });
  await seeding.begin((tx) => seedRegions(tx)).finally(() => seeding.end());
  const fed = await arrangeRegions();

  const issueTimes: number[] = [];
  let invoices = 0;
  let lastClosedAt = 0;
  let allIssued = () => {};
  const issued = new Promise<void>((resolve) => (allIssued = resolve));
  // serveBilling's close and issue handlers, batched as it batches them, with one difference: `now` is fixed
  // (serveBilling passes none, so its jobs bill by the wall clock). The invoices' mails are written, not served:
  // they go out after the issuing transaction, on their own queue, and are not part of closing the period.
  const continuous = { batchSize: 8, burstWhenBatchFull: true } as const;
  await boss.start();
  await boss.work<{ tenantId: string }>(billingCloseQueue, continuous, async (jobs) => {
    for (const job of jobs) await closeTenantBilling(deps, job.data.tenantId, now);
    lastClosedAt = performance.now();
  });
  await boss.work<IssueJob>(billingIssueQueue, continuous, async (jobs) => {
    for (const job of jobs) {
      const started = performance.now();
      const invoice = await issueInvoice(deps, job.data, now);
      issueTimes.push(performance.now() - started);
      if (invoice && ++invoices === fed.regions) allIssued();
    }
  });

  // What the hourly tick job does; the tick's cron (minute 11) is not waited for.
  const started = performance.now();
  await tickBilling(deps);
  const ticked = performance.now();
  await Promise.race([issued, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  const wall = performance.now() - started;
  // A graceful stop lets the last batch finish and be marked completed before the jobs are counted.
  await boss.stop({ graceful: true, timeout: 10_000 });

  const jobs = await owner.sql<{ name: string; completed: number; count: number }[]>`
    select name, count(*) filter (where state = 'completed')::int as completed, count(*)::int as count from pgboss.job
     where name in (${billingCloseQueue}, ${billingIssueQueue}, ${billingReminderQueue}) group by name`;
  const jobsOf = (name: string) =>
    jobs.find((row) => row.name === name) ?? { count: 0, completed: 0 };
  const [close, issue, remind] = [
    jobsOf(billingCloseQueue),
    jobsOf(billingIssueQueue),
    jobsOf(billingReminderQueue),
  ];
  const perSecond = (count: number) => `${(count / (wall / 1000)).toFixed(1)}/s`;
  const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
  const timing = summary(issueTimes);
  const usage = `${fed.events.toLocaleString("en")} usage events in ${month.start}…${month.end}`;
  console.log(`${String(fed.regions)} regions, ${usage}, closed at ${now.toISOString()}:`);
  const breakdown = `tick ${seconds(ticked - started)}, last close at ${seconds(lastClosedAt - started)}`;
  console.log(`  tick → invoice ${String(invoices)}   ${seconds(wall)}   (${breakdown})`);
  console.log(
    `  invoices ${perSecond(invoices)}   jobs ${perSecond(close.count + issue.count + remind.count)}` +
      `   (${String(close.count)} close + ${String(issue.count)} issue + ${String(remind.count)} reminder)`,
  );
  console.log(`  one invoice's issue transaction   p50 ${ms(timing.p50)}   p99 ${ms(timing.p99)}`);

  const failures = await check(fed.regions, fed.notifications, close.completed + issue.completed);
  if (failures.length > 0) process.exitCode = 1;
  console.log(
    failures.length > 0
      ? `  check FAILED: ${failures.join("; ")}`
      : `  check: ${String(fed.regions)} invoices, numbers 1–${String(fed.regions)} of ${String(year)} gapless, notifications all billed: ok`,
  );
} finally {
  await boss.stop({ graceful: false });
  await worker.close();
  await app.close();
  await owner.close();
  await server.stop();
  await rm(dataRoot, { recursive: true, force: true });
}

/**
 * A live tenant for every kabupaten/kota, as the test harness creates one; then, as the runtime role, each one's
 * billing profile, a monthly plan from the first of the billed month and a day-by-day month of usage: 100–600 calls
 * and 5–60 agency notifications a day, fed at 05:00 UTC (12:00–14:00 in all three zones, so on the same local day).
 */
async function arrangeRegions(): Promise<{
  regions: number;
  events: number;
  notifications: number;
}> {
  const tenants = await owner.sql<{ id: string; slug: string }[]>`
    insert into tenants (region_code, slug, display_name, status, launched_at, time_zone)
    select r.code, 'bench-' || replace(r.code, '.', '-'), 'Bench ' || r.name, 'live', now(), p.time_zone
      from regencies r join provinces p on p.code = r.province_code
    returning id, slug`;
  const prices = {
    baseFee: 15_000_000,
    seatFee: 250_000,
    channelFee: 100_000,
    notificationFee: 500,
    callAllowance: 10_000,
    callFee: 100,
  };
  const plan = await insertBillingPlan(owner.db, {
    code: "bench-standar",
    name: "Standar",
    period: "monthly",
    ...prices,
  });
  if (!plan) throw new Error("the bench plan was not created");
  const random = seededRandom(112);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const fed = { regions: tenants.length, events: 0, notifications: 0 };
  // In slug order, so the seeded draws fall to the same regions every run.
  for (const tenant of tenants.toSorted((a, b) => a.slug.localeCompare(b.slug))) {
    const usage = eachDay(month.start, month.end).flatMap((day) => {
      const occurredAt = new Date(`${day}T05:00:00Z`);
      return [
        {
          sourceKey: `bench:${day}:calls`,
          meter: "calls" as const,
          quantity: between(100, 600),
          occurredAt,
        },
        {
          sourceKey: `bench:${day}:notifications`,
          meter: "notifications" as const,
          quantity: between(5, 60),
          occurredAt,
        },
      ];
    });
    await withTenant(app.db, asTenantId(tenant.id), async (tx) => {
      await saveBillingProfile(tx, tenant.id, {
        legalName: `Pemerintah ${tenant.slug}`,
        address: "Jl. Pahlawan No. 1",
        npwp: "00.000.000.0-000.000",
        email: `keuangan.${tenant.slug}@bench.test`,
        virtualAccount: "8808 1234 5678",
      });
      await assignPlan(tx, tenant.id, { startsOn: month.start, planId: plan.id, assignedBy: null });
      await insertUsageEvents(tx, tenant.id, usage);
    });
    fed.events += usage.length;
    fed.notifications += usage.reduce(
      (total, event) => total + (event.meter === "notifications" ? event.quantity : 0),
      0,
    );
  }
  return fed;
}

/** What must hold after the close; returns what did not. */
async function check(
  regions: number,
  notificationsFed: number,
  jobsCompleted: number,
): Promise<string[]> {
  type Invoices = {
    count: number;
    tenants: number;
    sequences: number;
    first: number;
    last: number;
    misnumbered: number;
  };
  const [invoices] = await owner.sql<Invoices[]>`
    select count(*)::int as count, count(distinct tenant_id)::int as tenants, count(distinct sequence)::int as sequences,
           min(sequence) as first, max(sequence) as last,
           count(*) filter (where number <> 'SIGAP/' || year || '/' || lpad(sequence::text, 6, '0'))::int as misnumbered
      from invoices where kind = 'invoice' and year = ${year} and period_start = ${month.start} and period_end = ${month.end}`;
  const [counter] = await owner.sql<
    { last: number }[]
  >`select last from invoice_counters where year = ${year}`;
  const [billed] = await owner.sql<{ notifications: number }[]>`
    select coalesce(sum(quantity::int), 0)::int as notifications from invoice_lines where unit = 'notifikasi'`;
  const failures: string[] = [];
  if (invoices?.count !== regions || invoices.tenants !== regions) {
    failures.push(`${String(invoices?.count)} invoices for ${String(invoices?.tenants)} regions`);
  }
  if (
    invoices?.sequences !== regions ||
    invoices.first !== 1 ||
    invoices.last !== regions ||
    counter?.last !== regions
  ) {
    const numbers = `${String(invoices?.first)}–${String(invoices?.last)}, ${String(invoices?.sequences)} distinct`;
    failures.push(`numbers ${numbers}, counter at ${String(counter?.last)}`);
  }
  if (invoices?.misnumbered !== 0)
    failures.push(`${String(invoices?.misnumbered)} invoice numbers do not spell their sequence`);
  if (billed?.notifications !== notificationsFed) {
    failures.push(
      `${String(billed?.notifications)} notifications billed of ${String(notificationsFed)} fed`,
    );
  }
  if (jobsCompleted !== 2 * regions)
    failures.push(
      `${String(jobsCompleted)} close and issue jobs completed of ${String(2 * regions)}`,
    );
  return failures;
}
