import {
  findBilledTenant,
  insertUsageEvents,
  listInvoices,
  listPlanAssignments,
  markInvoicesOverdue,
  setBillingSuspension,
  type InvoiceRow,
} from "@sigap/db/queries";
import type { UsageMeter } from "@sigap/db/schema";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { dateInZone, startOfDayInZone } from "../csv.ts";
import { addDays, eachDay } from "./calendar.ts";
import { issueInvoice, type BillingDependencies } from "./issue.ts";
import { recordPayment, voidInvoice } from "./payments.ts";
import { dueInvoicePeriods } from "./periods.ts";

/**
 * How a demo region has paid: `settled` pays everything but the last two invoices (one half paid),
 * `corrected` also had one voided and credited, `behind` has paid nothing for months and is
 * suspended (exports and configuration only) for it.
 */
const demoStories: Record<string, "settled" | "corrected" | "behind"> = {
  denpasar: "corrected",
  semarang: "behind",
};

const hourMs = 60 * 60 * 1000;

/** A day's usage as a regency's call centre has it: a few hundred calls, a few dozen notifications. */
function demoUsage(
  day: string,
  random: () => number,
): { sourceKey: string; meter: UsageMeter; quantity: number; occurredAt: Date }[] {
  const noon = new Date(`${day}T05:00:00Z`);
  return [
    {
      sourceKey: `demo:${day}:calls`,
      meter: "calls",
      quantity: 150 + Math.floor(random() * 350),
      occurredAt: noon,
    },
    {
      sourceKey: `demo:${day}:notifications`,
      meter: "notifications",
      quantity: 5 + Math.floor(random() * 40),
      occurredAt: noon,
    },
  ];
}

/**
 * A few months of billing history for a demo region that has none: usage for every day since its
 * plan started, each ended period invoiced the morning after it ended, and payments, a void and a
 * suspension as its story says. Returns the invoices issued (0 when the region already has some).
 */
export async function recordDemoBilling(
  deps: BillingDependencies,
  tenantId: string,
  now: Date,
  random: () => number,
): Promise<number> {
  const arranged = await withTenant(deps.db, asTenantId(tenantId), async (tx) => {
    const tenant = await findBilledTenant(tx);
    const assignments = await listPlanAssignments(tx);
    const first = assignments[0];
    if (!tenant.profile || !first || (await listInvoices(tx)).length > 0) return null;
    const today = dateInZone(now, tenant.timeZone);
    const days = eachDay(first.startsOn, addDays(today, -1));
    await insertUsageEvents(
      tx,
      tenantId,
      days.flatMap((day) => demoUsage(day, random)),
    );
    return { tenant, periods: dueInvoicePeriods(assignments, null, today) };
  });
  if (!arranged) return 0;

  const issued: InvoiceRow[] = [];
  for (const period of arranged.periods) {
    const morningAfter = new Date(
      startOfDayInZone(addDays(period.end, 1), arranged.tenant.timeZone).getTime() + 9 * hourMs,
    );
    const invoice = await issueInvoice(deps, { tenantId, period }, morningAfter);
    if (invoice) issued.push(invoice);
  }
  await settle(
    deps,
    tenantId,
    issued,
    demoStories[arranged.tenant.slug] ?? "settled",
    dateInZone(now, arranged.tenant.timeZone),
  );
  return issued.length;
}

async function settle(
  deps: BillingDependencies,
  tenantId: string,
  invoices: InvoiceRow[],
  story: "settled" | "corrected" | "behind",
  today: string,
) {
  await withTenant(deps.db, asTenantId(tenantId), async (tx) => {
    const transfer = (invoice: InvoiceRow, amount: number) =>
      recordPayment(tx, tenantId, {
        invoiceId: invoice.id,
        receivedOn: addDays(invoice.issuedOn, 12),
        reference: `TRF-${invoice.number}`,
        amount,
        recordedBy: null,
      });
    if (story === "behind") {
      await setBillingSuspension(
        tx,
        "Tagihan belum dibayar lebih dari 30 hari setelah jatuh tempo",
      );
    } else {
      for (const [index, invoice] of invoices.entries()) {
        const fromEnd = invoices.length - index;
        if (story === "corrected" && index === 1) {
          await voidInvoice(tx, tenantId, {
            invoiceId: invoice.id,
            reason: "Tarif kanal salah; dikoreksi dengan nota kredit",
            today,
          });
        } else if (fromEnd > 2) {
          await transfer(invoice, invoice.total);
        } else if (fromEnd === 2) {
          await transfer(invoice, Math.round(invoice.total / 2));
        }
      }
    }
    await markInvoicesOverdue(tx, today);
  });
}
