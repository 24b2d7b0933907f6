import type { Job, PgBoss } from "pg-boss";
import { billingCloseQueue, billingIssueQueue, billingReminderQueue, billingTickQueue } from "@sigap/db/jobs";
import { listTenantDirectory } from "@sigap/db/queries";
import { billingRetry, closeTenantBilling } from "./close.ts";
import { issueInvoice, type BillingDependencies, type IssueJob } from "./issue.ts";
import { sendReminder, type ReminderJob } from "./reminders.ts";

/** Hands every tenant its billing step; a tenant whose step is still queued is not given another. */
export async function tickBilling(deps: BillingDependencies): Promise<number> {
  const directory = await listTenantDirectory(deps.db);
  for (const tenant of directory) {
    await deps.jobs.send(deps.db, billingCloseQueue, { tenantId: tenant.tenantId }, { ...billingRetry, singletonKey: tenant.tenantId });
  }
  return directory.length;
}

/** The worker's billing: an hourly tick, each tenant's step, invoices and reminders. */
export async function serveBilling(boss: PgBoss, deps: BillingDependencies): Promise<void> {
  await boss.schedule(billingTickQueue, "11 * * * *");
  await boss.work(billingTickQueue, async () => {
    deps.log.info({ tenants: await tickBilling(deps) }, "billing steps queued");
  });
  await boss.work(billingCloseQueue, async ([job]: Job<{ tenantId: string }>[]) => {
    if (job) await closeTenantBilling(deps, job.data.tenantId);
  });
  await boss.work(billingIssueQueue, async ([job]: Job<IssueJob>[]) => {
    if (job) await issueInvoice(deps, job.data);
  });
  await boss.work(billingReminderQueue, async ([job]: Job<ReminderJob>[]) => {
    if (!job) return;
    const outcome = await sendReminder(deps, job.data);
    deps.log.info({ invoiceId: job.data.invoiceId, kind: job.data.kind, outcome }, "invoice reminder");
  });
}
