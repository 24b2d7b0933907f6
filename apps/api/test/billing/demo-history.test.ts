import { describe, expect, it } from "vitest";
import { recordDemoBilling } from "../../src/billing/demo-history.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { arrangeBilledTenant, useBilling } from "./fixture.ts";

// `npm start` gives the billed demo regions a few months of invoices in every state.

const { api, database } = useTestApi();
const { owner } = database;
const records = useTestRecords(owner);
const billing = useBilling(api, database, records);

describe("demo billing history", () => {
  it("issues each ended month the morning after, pays the older ones, leaves one half paid and overdue, once", async () => {
    const { tenant } = await arrangeBilledTenant(billing.admin, owner, records, {
      planId: billing.plan.id,
      startsOn: "2026-08-01",
    });
    const now = new Date("2026-12-05T03:00:00Z");
    let seed = 1;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    expect(await recordDemoBilling(billing.deps, tenant.id, now, random)).toBe(4);
    expect(await recordDemoBilling(billing.deps, tenant.id, now, random)).toBe(0);
    const invoices = await owner.sql<
      { period_start: string; issued_on: string; status: string; paid_share: string }[]
    >`
      select period_start::text, issued_on::text, status, round(paid::numeric / total, 1)::text as paid_share
        from invoices where tenant_id = ${tenant.id} order by period_start`;
    expect(invoices).toEqual([
      { period_start: "2026-08-01", issued_on: "2026-09-01", status: "paid", paid_share: "1.0" },
      { period_start: "2026-09-01", issued_on: "2026-10-01", status: "paid", paid_share: "1.0" },
      { period_start: "2026-10-01", issued_on: "2026-11-01", status: "overdue", paid_share: "0.5" },
      { period_start: "2026-11-01", issued_on: "2026-12-01", status: "issued", paid_share: "0.0" },
    ]);
  });

  it("comes with plans, and a profile and plan for every launched demo region", async () => {
    const billed = await owner.sql<{ slug: string }[]>`
      select t.slug from billing_profiles b join tenants t on t.id = b.tenant_id
       where exists (select 1 from plan_assignments a where a.tenant_id = t.id) and t.slug in ('sidoarjo', 'jakarta-pusat', 'denpasar', 'semarang')
       order by t.slug`;
    expect(billed.map((row) => row.slug)).toEqual([
      "denpasar",
      "jakarta-pusat",
      "semarang",
      "sidoarjo",
    ]);
  });
});
