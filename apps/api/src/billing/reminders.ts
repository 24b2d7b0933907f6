import {
  appendTenantAudit,
  claimReminder,
  findBilledTenant,
  findInvoice,
  updateInvoice,
} from "@sigap/db/queries";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { dateInZone, startOfDayInZone } from "../csv.ts";
import type { InvoiceMailReason } from "../mail/templates.ts";
import { addDays } from "./calendar.ts";
import type { BillingDependencies } from "./issue.ts";
import { mailInvoice } from "./invoice-mail.ts";

/**
 * The mails of an invoice: one when it is issued, sent at once, then reminders by days from its due
 * date while it is unpaid, each at 08:00 in the region's zone.
 */
const invoiceMails = [
  { kind: "issued", daysFromDue: null, reason: "issued" },
  { kind: "before_due", daysFromDue: -7, reason: "before_due" },
  { kind: "due", daysFromDue: 0, reason: "due" },
  { kind: "overdue_7", daysFromDue: 7, reason: "overdue" },
  { kind: "overdue_30", daysFromDue: 30, reason: "overdue" },
] as const satisfies readonly {
  kind: string;
  daysFromDue: number | null;
  reason: InvoiceMailReason;
}[];

export type InvoiceMailKind = (typeof invoiceMails)[number]["kind"];

export interface InvoiceMailJob {
  tenantId: string;
  invoiceId: string;
  kind: InvoiceMailKind;
}

const sendHourMs = 8 * 60 * 60 * 1000;

/** When each mail of an invoice due on `dueOn` is sent (null: at once), as jobs written with the invoice. */
export function invoiceMailSchedule(
  dueOn: string,
  timeZone: string,
): { kind: InvoiceMailKind; at: Date | null }[] {
  return invoiceMails.map(({ kind, daysFromDue }) => ({
    kind,
    at:
      daysFromDue === null
        ? null
        : new Date(startOfDayInZone(addDays(dueOn, daysFromDue), timeZone).getTime() + sendHourMs),
  }));
}

/**
 * Sends one mail of an invoice when its time comes, if the invoice still owes money: after the
 * issuing transaction committed (a relay never holds up invoicing, and no mail names a number that
 * was rolled back), under the invoice's lock and with a once-per-kind record, so a retried or
 * duplicated job mails once. A reminder that fires late (the worker was down) is still sent, unless
 * a later one has made it moot. An invoice past its due date turns `overdue` here. Returns what
 * happened, for the log and the tests.
 */
export async function sendInvoiceMail(
  deps: BillingDependencies,
  job: InvoiceMailJob,
  now: Date = new Date(),
): Promise<string> {
  return withTenant(deps.db, asTenantId(job.tenantId), async (tx) => {
    const invoice = await findInvoice(tx, job.invoiceId, { lock: true });
    if (!invoice || invoice.kind !== "invoice") return "no_invoice";
    if (invoice.status !== "issued" && invoice.status !== "overdue")
      return `invoice_${invoice.status}`;
    const tenant = await findBilledTenant(tx);
    const today = dateInZone(now, tenant.timeZone);
    const current =
      invoice.dueOn < today && invoice.status === "issued"
        ? await updateInvoice(tx, invoice.id, { status: "overdue" })
        : invoice;
    const mail = invoiceMails.find((candidate) => candidate.kind === job.kind);
    if (!mail) return "unknown_kind";
    if (mail.daysFromDue !== null && mail.daysFromDue <= 0 && today > invoice.dueOn) return "moot";
    if (!(await claimReminder(tx, job.tenantId, invoice.id, job.kind))) return "already_sent";
    const mailed = await mailInvoice(deps, tx, { tenant, invoice: current, reason: mail.reason });
    await appendTenantAudit(tx, job.tenantId, {
      actorUserId: null,
      actorRole: "system",
      action: "billing.mailInvoice",
      targetType: "invoice",
      targetId: invoice.id,
      diff: { after: { number: invoice.number, kind: job.kind, mailed, status: current.status } },
    });
    return "sent";
  });
}
