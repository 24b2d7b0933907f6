import type { TenantTx } from "@sigap/db/client";
import { billingIssueQueue } from "@sigap/db/jobs";
import {
  billedThrough,
  findBilledTenant,
  lastRolledUpDay,
  listPlanAssignments,
  markInvoicesOverdue,
  rollUpUsageDays,
  type InvoiceRow,
} from "@sigap/db/queries";
import { asTenantId, withSavepoint, withTenant } from "@sigap/tenancy";
import { dateInZone } from "../csv.ts";
import type { JobOptions } from "../jobs/send.ts";
import { addDays, daysInclusive, type Period } from "./calendar.ts";
import {
  AlreadyInvoiced,
  issueInvoiceIn,
  type BillingDependencies,
  type IssueJob,
} from "./issue.ts";
import { dueInvoicePeriods } from "./periods.ts";

/** How far back the first rollup of a tenant reaches: usage older than two months is not billed late. */
const rollupHorizonDays = 62;

/** Issuing retries a few times with back-off (a database restart, a lock timeout), then stays failed for a person to look at. */
export const billingRetry: JobOptions = { retryLimit: 5, retryDelay: 30, retryBackoff: true };

export interface ClosedTenant {
  daysRolledUp: number;
  overdue: number;
  due: Period[];
}

/**
 * Brings one tenant's billing up to `now`: rolls up the days that have ended in its time zone,
 * marks invoices past their due date overdue, and says which ended periods have no invoice yet.
 */
async function bringUpToDate(tx: TenantTx, tenantId: string, now: Date): Promise<ClosedTenant> {
  const tenant = await findBilledTenant(tx);
  const assignments = await listPlanAssignments(tx);
  const first = assignments[0];
  if (!tenant.profile || !first) return { daysRolledUp: 0, overdue: 0, due: [] };
  const today = dateInZone(now, tenant.timeZone);
  const last = await lastRolledUpDay(tx);
  const horizon = addDays(today, -rollupHorizonDays);
  const from =
    last !== null ? addDays(last, 1) : first.startsOn > horizon ? first.startsOn : horizon;
  const yesterday = addDays(today, -1);
  if (from <= yesterday) await rollUpUsageDays(tx, tenantId, from, yesterday, tenant.timeZone);
  const overdue = await markInvoicesOverdue(tx, today);
  const daysRolledUp = from <= yesterday ? daysInclusive(from, yesterday) : 0;
  return {
    daysRolledUp,
    overdue,
    due: dueInvoicePeriods(assignments, await billedThrough(tx), today),
  };
}

/**
 * One tenant's hourly billing step: brings it up to date and queues an issue job for each ended
 * period without an invoice. The jobs commit with this transaction; their singleton keys and the
 * invoices' unique period make the result the same however often this runs.
 */
export async function closeTenantBilling(
  deps: BillingDependencies,
  tenantId: string,
  now: Date = new Date(),
): Promise<ClosedTenant> {
  return withTenant(deps.db, asTenantId(tenantId), async (tx) => {
    const closed = await bringUpToDate(tx, tenantId, now);
    for (const period of closed.due) {
      const job: IssueJob = { tenantId, period };
      await deps.jobs.send(tx, billingIssueQueue, job, {
        ...billingRetry,
        singletonKey: `${tenantId}:${period.start}`,
      });
    }
    return closed;
  });
}

/** The same step, issuing at once in the caller's transaction: a platform admin who will not wait for the hour. */
export async function issueDueInvoices(
  deps: BillingDependencies,
  tx: TenantTx,
  tenantId: string,
  now: Date = new Date(),
): Promise<InvoiceRow[]> {
  const closed = await bringUpToDate(tx, tenantId, now);
  const issued: InvoiceRow[] = [];
  for (const period of closed.due) {
    // A savepoint per period: one the worker's hourly step has just issued is skipped, not fatal.
    const invoice = await withSavepoint(tx, (savepoint) =>
      issueInvoiceIn(deps, savepoint, { tenantId, period }, now),
    ).catch((error: unknown) => {
      if (error instanceof AlreadyInvoiced) return null;
      throw error;
    });
    if (invoice) issued.push(invoice);
  }
  return issued;
}
