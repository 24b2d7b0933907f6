import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { insertUsageEvents, rollUpUsageDays } from "@sigap/db/queries";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { closeTenantBilling } from "../../src/billing/close.ts";
import { issueInvoice } from "../../src/billing/issue.ts";
import { eventually } from "../incidents/fixture.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { arrangeBilledTenant, startBillingWorker, useBilling } from "./fixture.ts";

// Invoices are issued once per tenant and period whatever retries, duplicate jobs and concurrent
// workers do; numbers run without gaps; usage is rolled up idempotently; reminders survive a restart.

const { api, database } = useTestApi();
const { owner, urls } = database;
const records = useTestRecords(owner);

const billing = useBilling(api, database, records);

const invoicesOf = (tenantId: string) =>
  owner.sql<
    {
      number: string;
      period_start: string;
      period_end: string;
      status: string;
      total: string;
      issued_on: string;
      year: number;
      sequence: number;
    }[]
  >`
    select number, period_start::text, period_end::text, status, total::text, issued_on::text, year, sequence
      from invoices where tenant_id = ${tenantId} and kind = 'invoice' order by period_start`;

describe("issuing", () => {
  it("issues one invoice per ended period, however many jobs and steps run at once", async () => {
    const { tenant } = await arrangeBilledTenant(billing.admin, owner, records, {
      planId: billing.plan.id,
      startsOn: "2026-10-01",
    });
    const now = new Date("2026-12-02T03:00:00Z");
    const [first, second] = await Promise.all([
      closeTenantBilling(billing.deps, tenant.id, now),
      closeTenantBilling(billing.deps, tenant.id, now),
    ]);
    expect(first.due).toEqual([
      { start: "2026-10-01", end: "2026-10-31" },
      { start: "2026-11-01", end: "2026-11-30" },
    ]);
    expect(second.due).toEqual(first.due);
    const queued = await owner.sql<{ singleton_key: string }[]>`
      select singleton_key from pgboss.job where name = 'billing.issue' and data->>'tenantId' = ${tenant.id} and state = 'created'`;
    expect(queued.map((job) => job.singleton_key).sort()).toEqual([
      `${tenant.id}:2026-10-01`,
      `${tenant.id}:2026-11-01`,
    ]);

    const november = { tenantId: tenant.id, period: { start: "2026-11-01", end: "2026-11-30" } };
    const october = { tenantId: tenant.id, period: { start: "2026-10-01", end: "2026-10-31" } };
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => issueInvoice(billing.deps, november, now)),
      issueInvoice(billing.deps, october, now),
    ]);
    expect(results.filter(Boolean)).toHaveLength(2);
    expect(await issueInvoice(billing.deps, november, now)).toBeNull();

    const invoices = await invoicesOf(tenant.id);
    expect(
      invoices.map(({ period_start, period_end, status, issued_on }) => ({
        period_start,
        period_end,
        status,
        issued_on,
      })),
    ).toEqual([
      {
        period_start: "2026-10-01",
        period_end: "2026-10-31",
        status: "issued",
        issued_on: "2026-12-02",
      },
      {
        period_start: "2026-11-01",
        period_end: "2026-11-30",
        status: "issued",
        issued_on: "2026-12-02",
      },
    ]);
    // Nothing more is due once both are issued.
    expect((await closeTenantBilling(billing.deps, tenant.id, now)).due).toEqual([]);
  });

  it("numbers the year's invoices without gaps while many workers issue at once", async () => {
    // Issued in 2031, a year no other test issues in, so the year's numbers are all ours.
    const tenants = await Promise.all(
      Array.from({ length: 8 }, () =>
        arrangeBilledTenant(billing.admin, owner, records, {
          planId: billing.plan.id,
          startsOn: "2030-10-01",
        }),
      ),
    );
    const now = new Date("2031-01-05T02:00:00Z");
    const periods = [
      { start: "2030-10-01", end: "2030-10-31" },
      { start: "2030-11-01", end: "2030-11-30" },
      { start: "2030-12-01", end: "2030-12-31" },
    ];
    const jobs = tenants.flatMap(({ tenant }) =>
      periods.map((period) => ({ tenantId: tenant.id, period })),
    );
    // Every job twice, all at once: the duplicates must roll their numbers back.
    await Promise.all([...jobs, ...jobs].map((job) => issueInvoice(billing.deps, job, now)));
    const numbers = await owner.sql<
      { sequence: number; number: string }[]
    >`select sequence, number from invoices where year = 2031 order by sequence`;
    expect(numbers.map((row) => row.sequence)).toEqual(
      Array.from({ length: jobs.length }, (_, index) => index + 1),
    );
    expect(numbers[0]?.number).toBe("SIGAP/2031/000001");
  });

  it("dates an invoice, and numbers it in a year, by the region's own calendar", async () => {
    // 16:30 UTC on 31 December 2030: still 2030 in Jakarta, already 2031 in Makassar and Jayapura.
    const newYearsEve = new Date("2030-12-31T16:30:00Z");
    const wib = await arrangeBilledTenant(billing.admin, owner, records, {
      planId: billing.plan.id,
      startsOn: "2030-11-01",
      timeZone: "Asia/Jakarta",
    });
    const wita = await arrangeBilledTenant(billing.admin, owner, records, {
      planId: billing.plan.id,
      startsOn: "2030-11-01",
      timeZone: "Asia/Makassar",
    });
    const wit = await arrangeBilledTenant(billing.admin, owner, records, {
      planId: billing.plan.id,
      startsOn: "2030-11-01",
      timeZone: "Asia/Jayapura",
    });
    const due = async (tenantId: string) =>
      (await closeTenantBilling(billing.deps, tenantId, newYearsEve)).due.map(
        (period) => period.end,
      );
    expect(await due(wib.tenant.id)).toEqual(["2030-11-30"]);
    expect(await due(wita.tenant.id)).toEqual(["2030-11-30", "2030-12-31"]);
    expect(await due(wit.tenant.id)).toEqual(["2030-11-30", "2030-12-31"]);
    const december = { start: "2030-12-01", end: "2030-12-31" };
    const issued = await issueInvoice(
      billing.deps,
      { tenantId: wita.tenant.id, period: december },
      newYearsEve,
    );
    expect(issued).toMatchObject({ issuedOn: "2031-01-01", year: 2031, dueOn: "2031-01-31" });
    const inJakarta = await issueInvoice(
      billing.deps,
      { tenantId: wib.tenant.id, period: { start: "2030-11-01", end: "2030-11-30" } },
      newYearsEve,
    );
    expect(inJakarta).toMatchObject({ issuedOn: "2030-12-31", year: 2030 });
  });

  it("bills the usage of the period, with the tax and lines the invoice printed", async () => {
    const { tenant } = await arrangeBilledTenant(billing.admin, owner, records, {
      planId: billing.plan.id,
      startsOn: "2026-11-01",
    });
    const at = (day: string) => new Date(`${day}T05:00:00Z`);
    await withTenant(billing.deps.db, asTenantId(tenant.id), (tx) =>
      insertUsageEvents(tx, tenant.id, [
        { sourceKey: "import-1", meter: "calls", quantity: 10_500, occurredAt: at("2026-11-03") },
        {
          sourceKey: "import-2",
          meter: "notifications",
          quantity: 40,
          occurredAt: at("2026-11-04"),
        },
        // Fed twice: counted once.
        {
          sourceKey: "import-2",
          meter: "notifications",
          quantity: 40,
          occurredAt: at("2026-11-04"),
        },
      ]),
    );
    const invoice = await issueInvoice(
      billing.deps,
      { tenantId: tenant.id, period: { start: "2026-11-01", end: "2026-11-30" } },
      new Date("2026-12-01T03:00:00Z"),
    );
    const lines = await owner.sql<{ description: string; quantity: string; amount: string }[]>`
      select description, quantity, amount::text from invoice_lines where tenant_id = ${tenant.id} and invoice_id = ${invoice?.id ?? ""} order by position`;
    expect(lines).toEqual([
      { description: "Biaya dasar paket Standar uji", quantity: "1", amount: "15000000" },
      { description: "Notifikasi instansi terkirim", quantity: "40", amount: "20000" },
      { description: "Panggilan di atas kuota 10000", quantity: "500", amount: "50000" },
    ]);
    expect(invoice).toMatchObject({
      subtotal: 15_070_000,
      taxRateBasisPoints: 1100,
      tax: 1_657_700,
      total: 16_727_700,
    });
  });
});

describe("the daily rollup", () => {
  it("writes the same figures when a day is rolled up again, and keeps a day's seats as they were", async () => {
    const { tenant } = await arrangeBilledTenant(billing.admin, owner, records, {
      planId: billing.plan.id,
      startsOn: "2026-11-01",
    });
    const day = "2026-11-20";
    const rollUp = () =>
      withTenant(billing.deps.db, asTenantId(tenant.id), (tx) =>
        rollUpUsageDays(tx, tenant.id, day, "2026-11-21", "Asia/Jakarta"),
      );
    const readings = () => owner.sql<{ meter: string; quantity: string }[]>`
      select meter, quantity::text from usage_daily where tenant_id = ${tenant.id} and day = ${day} order by meter`;
    await withTenant(billing.deps.db, asTenantId(tenant.id), (tx) =>
      insertUsageEvents(tx, tenant.id, [
        // 23:59:59 and 00:00:00 in Jakarta: the last second of the 20th and the first of the 21st.
        {
          sourceKey: randomUUID(),
          meter: "calls",
          quantity: 7,
          occurredAt: new Date("2026-11-20T16:59:59Z"),
        },
        {
          sourceKey: randomUUID(),
          meter: "calls",
          quantity: 3,
          occurredAt: new Date("2026-11-20T17:00:00Z"),
        },
      ]),
    );
    await rollUp();
    const first = await readings();
    expect(first).toEqual([
      { meter: "seats", quantity: "0" },
      { meter: "channels", quantity: "0" },
      { meter: "notifications", quantity: "0" },
      { meter: "calls", quantity: "7" },
    ]);
    // Someone joins later: the day already rolled up keeps the seats it had.
    await owner.sql`insert into memberships (tenant_id, user_id, role) select ${tenant.id}, id, 'operator' from users where id = ${records.people[0]?.id ?? ""}`;
    await rollUp();
    expect(await readings()).toEqual(first);
    const [nextDay] = await owner.sql<{ quantity: string }[]>`
      select quantity::text from usage_daily where tenant_id = ${tenant.id} and day = '2026-11-21' and meter = 'calls'`;
    expect(nextDay?.quantity).toBe("3");
  });
});

describe("reminders", () => {
  // The worker serves every test file's reminders, queued in the past and all due at once: on a busy
  // machine it may take a while to reach this one's.
  it(
    "are sent once each after the worker restarts, and turn the invoice overdue",
    { timeout: 120_000 },
    async () => {
      const { tenant, email } = await arrangeBilledTenant(billing.admin, owner, records, {
        planId: billing.plan.id,
        startsOn: "2026-08-01",
      });
      // Issued in early September: due on 1 October, so every reminder's time has come, while no worker runs.
      const invoice = await issueInvoice(
        billing.deps,
        { tenantId: tenant.id, period: { start: "2026-08-01", end: "2026-08-31" } },
        new Date("2026-09-01T02:00:00Z"),
      );
      expect(invoice?.dueOn).toBe("2026-10-01");
      const reminders = () =>
        owner.sql<
          { kind: string }[]
        >`select kind from invoice_reminders where tenant_id = ${tenant.id} order by kind`;

      const worker = await startBillingWorker(urls.appUrl);
      try {
        await eventually(reminders, (rows) => rows.length === 3, 60_000);
      } finally {
        await worker.stop();
      }
      const again = await startBillingWorker(urls.appUrl);
      try {
        await eventually(
          () =>
            owner.sql`select count(*)::int as left from pgboss.job where name = 'billing.remind' and data->>'invoiceId' = ${invoice?.id ?? ""} and state in ('created', 'retry', 'active')`,
          (rows) => rows[0]?.left === 0,
          50_000,
        );
      } finally {
        await again.stop();
      }
      // The invoice itself went out; the before-due and due-day reminders came too late to make sense.
      expect((await reminders()).map((row) => row.kind)).toEqual([
        "issued",
        "overdue_30",
        "overdue_7",
      ]);
      const mails = await owner.sql<{ subject: string; attachment_names: string[] }[]>`
      select subject, attachment_names from mail_outbox where "to" = ${email} order by created_at`;
      // Each carries the invoice's PDF: the region's finance officer may have no account on the portal.
      expect(
        mails.every(
          (mail) =>
            mail.attachment_names.length === 1 &&
            mail.attachment_names[0] === `${invoice?.number.replaceAll("/", "-") ?? ""}.pdf`,
        ),
      ).toBe(true);
      // All came due at once, so they may go out in any order.
      const subjects = mails.map((mail) => mail.subject);
      expect(subjects).toHaveLength(3);
      expect(subjects.filter((subject) => subject.includes("Tagihan baru"))).toHaveLength(1);
      expect(subjects.filter((subject) => subject.includes("lewat jatuh tempo"))).toHaveLength(2);
      expect((await invoicesOf(tenant.id))[0]?.status).toBe("overdue");
      const audited = await owner.sql<{ action: string }[]>`
      select action from audit_log where tenant_id = ${tenant.id} and action like 'billing.%' and actor_role = 'system' order by action`;
      expect(audited.map((row) => row.action)).toEqual([
        "billing.issueInvoice",
        "billing.mailInvoice",
        "billing.mailInvoice",
        "billing.mailInvoice",
      ]);
    },
  );
});
