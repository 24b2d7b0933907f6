import { appendTenantAudit, claimReminder, findBilledTenant, findInvoice, updateInvoice } from "@sigap/db/queries";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { dateInZone, startOfDayInZone } from "../csv.ts";
import type { InvoiceMailReason } from "../mail/templates.ts";
import { addDays } from "./calendar.ts";
import type { BillingDependencies } from "./issue.ts";
import { mailInvoice } from "./invoice-mail.ts";

/** Reminders of an unpaid invoice, by days from its due date; each mails at 08:00 in the region's zone. */
const reminderKinds = [
  { kind: "before_due", daysFromDue: -7, reason: "before_due" },
  { kind: "due", daysFromDue: 0, reason: "due" },
  { kind: "overdue_7", daysFromDue: 7, reason: "overdue" },
  { kind: "overdue_30", daysFromDue: 30, reason: "overdue" },
] as const satisfies readonly { kind: string; daysFromDue: number; reason: InvoiceMailReason }[];

export type ReminderKind = (typeof reminderKinds)[number]["kind"];

export interface ReminderJob {
  tenantId: string;
  invoiceId: string;
  kind: ReminderKind;
}

const sendHourMs = 8 * 60 * 60 * 1000;

/** When each reminder of an invoice due on `dueOn` is sent: the jobs written with the invoice. */
export function reminderSchedule(dueOn: string, timeZone: string): { kind: ReminderKind; at: Date }[] {
  return reminderKinds.map(({ kind, daysFromDue }) => ({
    kind,
    at: new Date(startOfDayInZone(addDays(dueOn, daysFromDue), timeZone).getTime() + sendHourMs),
  }));
}

/**
 * Sends one reminder when its time comes, if the invoice still owes money: under the invoice's lock
 * and with a once-per-kind record, so a retried or duplicated job mails once. A reminder that fires
 * late (the worker was down) is still sent, unless a later one has made it moot. An invoice past its
 * due date turns `overdue` here. Returns what happened, for the log and the tests.
 */
export async function sendReminder(deps: BillingDependencies, job: ReminderJob, now: Date = new Date()): Promise<string> {
  return withTenant(deps.db, asTenantId(job.tenantId), async (tx) => {
    const invoice = await findInvoice(tx, job.invoiceId, { lock: true });
    if (!invoice || invoice.kind !== "invoice") return "no_invoice";
    if (invoice.status !== "issued" && invoice.status !== "overdue") return `invoice_${invoice.status}`;
    const tenant = await findBilledTenant(tx);
    const today = dateInZone(now, tenant.timeZone);
    const current = invoice.dueOn < today && invoice.status === "issued" ? await updateInvoice(tx, invoice.id, { status: "overdue" }) : invoice;
    const reminder = reminderKinds.find((candidate) => candidate.kind === job.kind);
    if (!reminder) return "unknown_kind";
    if (reminder.daysFromDue <= 0 && today > invoice.dueOn) return "moot";
    if (!(await claimReminder(tx, job.tenantId, invoice.id, job.kind))) return "already_sent";
    const mailed = await mailInvoice(deps, tx, { tenant, invoice: current, reason: reminder.reason });
    await appendTenantAudit(tx, job.tenantId, {
      actorUserId: null,
      actorRole: "system",
      action: "billing.sendReminder",
      targetType: "invoice",
      targetId: invoice.id,
      diff: { after: { number: invoice.number, kind: job.kind, mailed, status: current.status } },
    });
    return "sent";
  });
}
