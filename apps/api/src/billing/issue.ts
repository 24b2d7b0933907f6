import { randomUUID } from "node:crypto";
import type { Database, TenantTx } from "@sigap/db/client";
import { billingReminderQueue } from "@sigap/db/jobs";
import {
  allocateInvoiceNumber,
  appendTenantAudit,
  findBilledTenant,
  insertInvoice,
  listPlanAssignments,
  readDailyUsage,
  rollUpUsageDays,
  taxRateOn,
  type InvoiceRow,
} from "@sigap/db/queries";
import type { InvoiceParties } from "@sigap/db/schema";
import { asTenantId, withTenant } from "@sigap/tenancy";
import type { AppConfig } from "../config.ts";
import { dateInZone } from "../csv.ts";
import type { JobSender } from "../jobs/send.ts";
import type { Logger } from "../logger.ts";
import { addDays, eachDay, type Period } from "./calendar.ts";
import { priceInvoice } from "./pricing.ts";
import { invoiceMailSchedule, type InvoiceMailJob } from "./reminders.ts";

/** Days a region has to pay an invoice from its issue date. */
export const paymentTermDays = 30;

/** The tax every invoice carries; its rate comes from the dated tax table. */
export const invoiceTaxName = "PPN";

export interface BillingDependencies {
  db: Database;
  config: Pick<AppConfig, "mail" | "secretKeys" | "publicUrl" | "billingSeller">;
  jobs: JobSender;
  log: Logger;
}

export interface IssueJob {
  tenantId: string;
  period: Period;
}

export const invoiceNumber = (year: number, sequence: number) =>
  `SIGAP/${String(year)}/${String(sequence).padStart(6, "0")}`;

/** Thrown to roll back a number allocated for a period that turned out to be invoiced already. */
export class AlreadyInvoiced extends Error {}

/**
 * Issues the tenant's invoice for `period`, once: the number, the invoice and its lines, the jobs
 * of its mails and the audit entry commit together, and a second issue of the same
 * period (a retry, another worker) finds the unique period taken and rolls its number back.
 * Returns the invoice, or null when there was nothing to issue (already invoiced, no billing profile).
 */
export async function issueInvoice(
  deps: BillingDependencies,
  job: IssueJob,
  now: Date = new Date(),
): Promise<InvoiceRow | null> {
  try {
    return await withTenant(deps.db, asTenantId(job.tenantId), (tx) =>
      issueInvoiceIn(deps, tx, job, now),
    );
  } catch (error) {
    if (error instanceof AlreadyInvoiced) return null;
    throw error;
  }
}

/** `issueInvoice` in the caller's transaction; a period invoiced already throws `AlreadyInvoiced`. */
export async function issueInvoiceIn(
  deps: BillingDependencies,
  tx: TenantTx,
  job: IssueJob,
  now: Date,
): Promise<InvoiceRow | null> {
  const tenant = await findBilledTenant(tx);
  const profile = tenant.profile;
  if (!profile) return null;
  const issuedOn = dateInZone(now, tenant.timeZone);
  await rollUpMissingDays(tx, job.tenantId, job.period, tenant.timeZone);
  const [assignments, usage, rate] = await Promise.all([
    listPlanAssignments(tx),
    readDailyUsage(tx, job.period.start, job.period.end),
    taxRateOn(tx, invoiceTaxName, issuedOn),
  ]);
  if (!rate) throw new Error(`no ${invoiceTaxName} rate is in force on ${issuedOn}`);
  const priced = priceInvoice({
    period: job.period,
    assignments,
    usage,
    taxRateBasisPoints: rate.rateBasisPoints,
  });

  // Everything that needs the invoice's id but not its number goes first: the year's counter stays
  // locked from the number's allocation until commit, and every other region's invoice waits on it.
  const id = randomUUID();
  const dueOn = addDays(issuedOn, paymentTermDays);
  for (const mail of invoiceMailSchedule(dueOn, tenant.timeZone)) {
    const data: InvoiceMailJob = { tenantId: job.tenantId, invoiceId: id, kind: mail.kind };
    await deps.jobs.send(tx, billingReminderQueue, data, mail.at ? { startAfter: mail.at } : {});
  }
  const parties: InvoiceParties = {
    seller: deps.config.billingSeller,
    buyer: {
      legalName: profile.legalName,
      address: profile.address,
      npwp: profile.npwp,
      email: profile.email,
    },
    virtualAccount: profile.virtualAccount,
  };
  const year = Number(issuedOn.slice(0, 4));
  const sequence = await allocateInvoiceNumber(tx, year);
  const invoice = await insertInvoice(
    tx,
    job.tenantId,
    {
      id,
      year,
      sequence,
      number: invoiceNumber(year, sequence),
      periodStart: job.period.start,
      periodEnd: job.period.end,
      status: "issued",
      issuedOn,
      dueOn,
      subtotal: priced.subtotal,
      taxName: invoiceTaxName,
      taxRateBasisPoints: rate.rateBasisPoints,
      tax: priced.tax,
      total: priced.total,
      parties,
    },
    priced.lines,
  );
  if (!invoice) throw new AlreadyInvoiced();

  await appendTenantAudit(tx, job.tenantId, {
    actorUserId: null,
    actorRole: "system",
    action: "billing.issueInvoice",
    targetType: "invoice",
    targetId: invoice.id,
    diff: {
      after: {
        number: invoice.number,
        period: job.period,
        total: invoice.total,
        dueOn: invoice.dueOn,
      },
    },
  });
  deps.log.info(
    { tenant: tenant.slug, number: invoice.number, total: invoice.total },
    "invoice issued",
  );
  return invoice;
}

/** Rolls up the period's days the daily rollup has not reached (a worker that was down, a late start). */
async function rollUpMissingDays(
  tx: TenantTx,
  tenantId: string,
  period: Period,
  timeZone: string,
): Promise<void> {
  const usage = await readDailyUsage(tx, period.start, period.end);
  const missing = eachDay(period.start, period.end).filter((day) => !usage.has(day));
  const [first] = missing;
  // Days between the missing ones are rolled up again too, which changes nothing (see rollUpUsageDays).
  if (first !== undefined)
    await rollUpUsageDays(tx, tenantId, first, missing.at(-1) ?? first, timeZone);
}
