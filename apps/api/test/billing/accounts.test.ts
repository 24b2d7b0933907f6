import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractText } from "unpdf";
import { issueInvoice } from "../../src/billing/issue.ts";
import { testClient, type TestClient } from "../client.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import {
  arrangeRegion,
  eventually,
  ok,
  startIncidentWorker,
  workerConfig,
  type Region,
} from "../incidents/fixture.ts";
import { freshDid } from "../numbers.ts";
import { createTestPerson } from "../people.ts";
import { postTelephony, telephonyEvent } from "../telephony/fixture.ts";
import { sampleTrunkInput } from "../telephony/sample-trunk.ts";
import {
  arrangeBilledTenant,
  createPlan,
  expectOk,
  useBilling,
  type BilledTenant,
} from "./fixture.ts";

// What platform admins do with a region's invoices (payments, voids, suspension), what tenant admins
// may see of them, and the promise that an unpaid invoice never stops a call or a dispatch.

const { api, database } = useTestApi();
const { owner, urls } = database;
const records = useTestRecords(owner);

const billing = useBilling(api, database, records);

/** A billed tenant with its September invoice (16,650,000 with PPN), issued on 1 October. */
async function invoicedTenant(): Promise<BilledTenant & { invoiceId: string; total: number }> {
  const billed = await arrangeBilledTenant(billing.admin, owner, records, {
    planId: billing.plan.id,
    startsOn: "2026-09-01",
  });
  const invoice = await issueInvoice(
    billing.deps,
    { tenantId: billed.tenant.id, period: { start: "2026-09-01", end: "2026-09-30" } },
    new Date("2026-10-01T02:00:00Z"),
  );
  if (!invoice) throw new Error("no invoice was issued");
  return { ...billed, invoiceId: invoice.id, total: invoice.total };
}

async function tenantAdminOf(tenantId: string): Promise<TestClient> {
  const person = await createTestPerson(owner, {
    memberships: [{ tenantId, role: "tenant_admin" }],
    signedIn: true,
  });
  records.people.push(person);
  return testClient(api.url, { cookie: person.cookie });
}

const auditActions = async (tenantId: string) =>
  (
    await owner.sql<
      { action: string }[]
    >`select action from audit_log where tenant_id = ${tenantId} and action like 'billing.%' order by occurred_at, action`
  ).map((row) => row.action);

describe("payments", () => {
  it("leaves a partly paid invoice open, marks it paid when the rest arrives, and says what was paid over", async () => {
    const { tenant, invoiceId, total } = await invoicedTenant();
    expect(total).toBe(16_650_000);
    const pay = (amount: number, reference: string) =>
      billing.admin.call("mutation", "billing.recordPayment", {
        tenantSlug: tenant.slug,
        invoiceId,
        receivedOn: "2026-10-10",
        reference,
        amount,
      });
    // Still open: past its due date, it turns overdue at the next hourly billing step, not here.
    expect((await pay(10_000_000, "TRF-001")).data).toMatchObject({
      status: "issued",
      paid: 10_000_000,
      overpaid: 0,
    });
    const twice = await pay(10_000_000, "TRF-001");
    expect(twice.status).toBe(409);
    expect(twice.issues?.[0]?.path).toBe("reference");
    expect((await pay(6_700_000, "TRF-002")).data).toMatchObject({
      status: "paid",
      paid: 16_700_000,
      overpaid: 50_000,
    });
    expect(await auditActions(tenant.id)).toEqual(
      expect.arrayContaining([
        "billing.saveProfile",
        "billing.assignPlan",
        "billing.issueInvoice",
        "billing.recordPayment",
        "billing.recordPayment",
      ]),
    );
  });

  it("names the field of a bad payment: cents, nothing, a date before the invoice", async () => {
    const { tenant, invoiceId } = await invoicedTenant();
    const pay = (fields: Record<string, unknown>) =>
      billing.admin.call("mutation", "billing.recordPayment", {
        tenantSlug: tenant.slug,
        invoiceId,
        receivedOn: "2026-10-10",
        reference: "TRF-9",
        amount: 1000,
        ...fields,
      });
    for (const [fields, path] of [
      [{ amount: 1000.5 }, "amount"],
      [{ amount: 0 }, "amount"],
      [{ receivedOn: "2026-02-30" }, "receivedOn"],
      [{ receivedOn: "2026-09-30" }, "receivedOn"],
      [{ reference: " " }, "reference"],
      [{ invoiceId: randomUUID() }, "invoiceId"],
    ] as const) {
      const reply = await pay(fields);
      expect(reply.status, JSON.stringify(fields)).toBe(400);
      expect(reply.issues?.map((issue) => issue.path)).toEqual([path]);
    }
  });
});

describe("voiding", () => {
  it("keeps the invoice's number and cancels it with a credit note numbered in the same sequence", async () => {
    const { tenant, invoiceId, total } = await invoicedTenant();
    const voided = await expectOk<{ status: string; creditNote: { id: string; number: string } }>(
      billing.admin,
      "mutation",
      "billing.voidInvoice",
      {
        tenantSlug: tenant.slug,
        invoiceId,
        reason: "Alamat penagihan salah",
      },
    );
    expect(voided.status).toBe("void");
    const [note] = await owner.sql<{ total: string; corrects_id: string; number: string }[]>`
      select total::text, corrects_id, number from invoices where tenant_id = ${tenant.id} and kind = 'credit_note'`;
    expect(note).toEqual({
      total: String(-total),
      corrects_id: invoiceId,
      number: voided.creditNote.number,
    });
    // Nothing is owed any more: the credit note is not a debt, and the detail links to it.
    const overview = await expectOk<{ outstanding: number }>(
      billing.admin,
      "query",
      "billing.overview",
      { tenantSlug: tenant.slug },
    );
    expect(overview.outstanding).toBe(0);
    const detail = await expectOk<{ creditNote: { id: string } | null }>(
      billing.admin,
      "query",
      "billing.invoice",
      { tenantSlug: tenant.slug, invoiceId },
    );
    expect(detail.creditNote?.id).toBe(voided.creditNote.id);
    const again = await billing.admin.call("mutation", "billing.voidInvoice", {
      tenantSlug: tenant.slug,
      invoiceId,
      reason: "Lagi",
    });
    expect(again.status).toBe(409);
    const paid = await billing.admin.call("mutation", "billing.recordPayment", {
      tenantSlug: tenant.slug,
      invoiceId,
      receivedOn: "2026-10-10",
      reference: "X",
      amount: 5,
    });
    expect(paid.status).toBe(400);
  });
});

describe("what a tenant admin sees", () => {
  it("reads the region's invoices and PDFs, but records, voids and suspends nothing", async () => {
    const { tenant, invoiceId } = await invoicedTenant();
    const tenantAdmin = await tenantAdminOf(tenant.id);
    const overview = await expectOk<{
      invoices: { number: string; status: string }[];
      currentPlan: { name: string } | null;
      outstanding: number;
    }>(tenantAdmin, "query", "billing.overview", { tenantSlug: tenant.slug });
    expect(overview.invoices).toHaveLength(1);
    expect(overview.currentPlan?.name).toBe("Standar uji");
    expect(overview.outstanding).toBe(16_650_000);

    const pdf = await expectOk<{ filename: string; base64: string }>(
      tenantAdmin,
      "query",
      "billing.invoicePdf",
      { tenantSlug: tenant.slug, invoiceId },
    );
    expect(pdf.filename).toMatch(/^SIGAP-2026-\d{6}\.pdf$/);
    const { text } = await extractText(new Uint8Array(Buffer.from(pdf.base64, "base64")), {
      mergePages: true,
    });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Rp 16.650.000");
    expect(flat).toContain("Enam belas juta enam ratus lima puluh ribu rupiah");
    expect(flat).toContain("PPN 11%");

    for (const [path, input] of [
      ["billing.recordPayment", { invoiceId, receivedOn: "2026-10-10", reference: "A", amount: 1 }],
      ["billing.voidInvoice", { invoiceId, reason: "x" }],
      ["billing.suspend", { reason: "x" }],
      ["billing.assignPlan", { planId: billing.plan.id, startsOn: "2027-01-01" }],
    ] as const) {
      expect(
        (await tenantAdmin.call("mutation", path, { tenantSlug: tenant.slug, ...input })).status,
        path,
      ).toBe(403);
    }
    expect((await tenantAdmin.call("query", "billingAdmin.overview")).status).toBe(403);
  });

  it("finds nothing of another region's invoices", async () => {
    const north = await invoicedTenant();
    const south = await invoicedTenant();
    const southAdmin = await tenantAdminOf(south.tenant.id);
    expect(
      (
        await southAdmin.call("query", "billing.invoice", {
          tenantSlug: south.tenant.slug,
          invoiceId: north.invoiceId,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await southAdmin.call("query", "billing.invoicePdf", {
          tenantSlug: south.tenant.slug,
          invoiceId: north.invoiceId,
        })
      ).status,
    ).toBe(404);
    expect(
      (await southAdmin.call("query", "billing.overview", { tenantSlug: north.tenant.slug }))
        .status,
    ).toBe(404);
  });
});

describe("issuing at once", () => {
  it("issues every ended period once, however often the platform admin asks at the same time", async () => {
    const { tenant } = await arrangeBilledTenant(billing.admin, owner, records, {
      planId: billing.plan.id,
      startsOn: "2026-06-01",
    });
    const ask = () =>
      billing.admin.call("mutation", "billing.issueDue", { tenantSlug: tenant.slug });
    const replies = await Promise.all([ask(), ask(), ask()]);
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200]);
    const [counted] = await owner.sql<{ count: number; months: number }[]>`
      select count(*)::int as count, count(distinct period_start)::int as months from invoices where tenant_id = ${tenant.id}`;
    expect(counted?.count).toBe(counted?.months);
    expect(counted?.count).toBeGreaterThanOrEqual(5);
  });
});

describe("plans and prices", () => {
  it("never change an issued invoice", async () => {
    const own = await createPlan(billing.admin, { name: "Berubah" });
    const billed = await arrangeBilledTenant(billing.admin, owner, records, {
      planId: own.id,
      startsOn: "2026-09-01",
    });
    const invoice = await issueInvoice(
      billing.deps,
      { tenantId: billed.tenant.id, period: { start: "2026-09-01", end: "2026-09-30" } },
      new Date("2026-10-01T02:00:00Z"),
    );
    await expectOk(billing.admin, "mutation", "billingAdmin.updatePlan", {
      planId: own.id,
      name: "Berubah",
      period: "monthly",
      baseFee: 99_000_000,
      seatFee: 1,
      channelFee: 1,
      notificationFee: 1,
      callAllowance: 0,
      callFee: 1,
      active: true,
    });
    const [row] = await owner.sql<{ total: string; unit_price: string }[]>`
      select i.total::text, l.unit_price::text from invoices i join invoice_lines l on l.tenant_id = i.tenant_id and l.invoice_id = i.id
       where i.tenant_id = ${billed.tenant.id} and i.id = ${invoice?.id ?? ""} and l.position = 1`;
    expect(row).toEqual({ total: "16650000", unit_price: "15000000" });
  });

  it("refuses a plan start inside invoiced days, and a retired plan", async () => {
    const { tenant } = await invoicedTenant();
    const early = await billing.admin.call("mutation", "billing.assignPlan", {
      tenantSlug: tenant.slug,
      planId: billing.plan.id,
      startsOn: "2026-09-15",
    });
    expect(early.status).toBe(400);
    expect(early.issues?.[0]?.path).toBe("startsOn");
    const retired = await createPlan(billing.admin, { name: "Lama", active: false });
    const refused = await billing.admin.call("mutation", "billing.assignPlan", {
      tenantSlug: tenant.slug,
      planId: retired.id,
      startsOn: "2027-01-01",
    });
    expect(refused.status).toBe(400);
    expect(refused.issues?.[0]?.path).toBe("planId");
  });

  it("adds dated tax rates and refuses a second rate for the same day", async () => {
    const rate = {
      name: `PPN-uji-${randomUUID().slice(0, 4)}`,
      effectiveFrom: "2031-01-01",
      rateBasisPoints: 1200,
      note: "uji",
    };
    await expectOk(billing.admin, "mutation", "billingAdmin.addTaxRate", rate);
    const again = await billing.admin.call("mutation", "billingAdmin.addTaxRate", rate);
    expect(again.status).toBe(409);
    expect(again.issues?.[0]?.path).toBe("effectiveFrom");
  });
});

describe("the platform billing dashboard", () => {
  it("adds up what each region owes, by age past the due date", async () => {
    const { tenant } = await invoicedTenant();
    const overview = await expectOk<{
      tenants: {
        slug: string;
        outstanding: number;
        monthlyRecurring: number;
        overdue: Record<string, number>;
      }[];
      totals: { outstanding: number };
    }>(billing.admin, "query", "billingAdmin.overview");
    const row = overview.tenants.find((candidate) => candidate.slug === tenant.slug);
    expect(row).toMatchObject({ outstanding: 16_650_000, monthlyRecurring: 15_000_000 });
    // Due on 31 October 2026: more than 30 days before today's run.
    expect(Object.values(row?.overdue ?? {}).reduce((sum, value) => sum + value, 0)).toBe(
      16_650_000,
    );
    expect(overview.totals.outstanding).toBe(
      overview.tenants.reduce((sum, candidate) => sum + candidate.outstanding, 0),
    );
  });
});

describe("a region suspended for an unpaid invoice", () => {
  let region: Region;
  let did: string;
  let secret: string;

  beforeAll(async () => {
    region = await arrangeRegion(api.url, owner, records);
    const trunk = await ok(
      region.admin.call<{ id: string }>("mutation", "trunks.create", sampleTrunkInput),
    );
    did = freshDid();
    await ok(region.admin.call("mutation", "trunks.setDids", { trunkId: trunk.id, dids: [did] }));
    secret = (
      await ok(
        region.admin.call<{ eventSecret: string }>("mutation", "trunks.rotateEventSecret", {
          trunkId: trunk.id,
        }),
      )
    ).eventSecret;
  });
  afterAll(async () => {
    await region.receiver.close();
  });

  it("may be suspended only once an invoice is past its grace period", async () => {
    const fresh = await arrangeBilledTenant(billing.admin, owner, records, {
      planId: billing.plan.id,
      startsOn: "2026-11-01",
    });
    const refused = await billing.admin.call("mutation", "billing.suspend", {
      tenantSlug: fresh.tenant.slug,
      reason: "Belum bayar",
    });
    expect(refused.status).toBe(409);
  });

  it("still takes a call, dispatches it and notifies the agency; only exports and configuration wait", async () => {
    await expectOk(billing.admin, "mutation", "billing.saveProfile", {
      tenantSlug: region.tenant.slug,
      legalName: "Pemerintah Kota Uji",
      address: null,
      npwp: null,
      email: null,
      virtualAccount: "8808 0000 1111",
    });
    await expectOk(billing.admin, "mutation", "billing.assignPlan", {
      tenantSlug: region.tenant.slug,
      planId: billing.plan.id,
      startsOn: "2026-08-01",
    });
    await issueInvoice(
      billing.deps,
      { tenantId: region.tenant.id, period: { start: "2026-08-01", end: "2026-08-31" } },
      new Date("2026-09-01T02:00:00Z"),
    );
    await expectOk(billing.admin, "mutation", "billing.suspend", {
      tenantSlug: region.tenant.slug,
      reason: "Tagihan Agustus belum dibayar",
    });

    // Exports and configuration changes are refused to the region's own staff.
    expect((await region.admin.call("mutation", "branding.removeLogo")).status).toBe(403);
    expect((await region.admin.call("query", "incidents.exportCsv", { view: "all" })).status).toBe(
      403,
    );

    // A 112 call rings, is answered and classified an emergency; the incident is dispatched.
    const worker = await startIncidentWorker(urls.appUrl, workerConfig(region.receiver));
    try {
      await ok(region.operator.call("mutation", "callDesk.takeSeat", { seat: "meja-1" }));
      const externalId = randomUUID();
      const at = (seconds: number) => ({
        occurredAt: new Date(Date.now() + seconds * 1000).toISOString(),
      });
      const posted = await postTelephony(
        api.url,
        {
          events: [
            telephonyEvent(did, externalId, "call.offered", 0, at(0)),
            telephonyEvent(did, externalId, "call.answered", 0, { ...at(1), seat: "meja-1" }),
          ],
        },
        secret,
      );
      expect(posted.status).toBe(200);
      const [call] = await owner.sql<
        { id: string }[]
      >`select id from calls where tenant_id = ${region.tenant.id} and external_call_id = ${externalId}`;
      const { incidentId } = await ok(
        region.operator.call<{ incidentId: string }>("mutation", "callDesk.classify", {
          callId: call?.id,
          classification: "emergency",
          incidentTypes: ["fire.building"],
          location: {
            latitude: -7.45,
            longitude: 112.71,
            kecamatanCode: null,
            address: "Jl. Raya 1",
          },
        }),
      );
      const proposal = await ok(
        region.operator.call<{ lines: { agencyId: string; role: string; lead: boolean }[] }>(
          "query",
          "incidents.proposal",
          { incidentId },
        ),
      );
      await ok(
        region.operator.call("mutation", "incidents.dispatch", {
          incidentId,
          agencies: proposal.lines.map(({ agencyId, role, lead }) => ({ agencyId, role, lead })),
        }),
      );
      await eventually(
        () => Promise.resolve(region.receiver.received.length),
        (count) => count > 0,
      );
    } finally {
      await worker.stop();
    }
    expect(await auditActions(region.tenant.id)).toEqual(
      expect.arrayContaining(["billing.suspend"]),
    );

    await expectOk(billing.admin, "mutation", "billing.resume", { tenantSlug: region.tenant.slug });
    expect((await region.admin.call("query", "incidents.exportCsv", { view: "all" })).status).toBe(
      200,
    );
  });
});
