import type { Job, PgBoss } from "pg-boss";
import {
  billingCloseQueue,
  billingIssueQueue,
  billingReminderQueue,
  billingTickQueue,
} from "@sigap/db/jobs";
import { listTenantDirectory } from "@sigap/db/queries";
import { billingRetry, closeTenantBilling } from "./close.ts";
import { issueInvoice, type BillingDependencies, type IssueJob } from "./issue.ts";
import { sendInvoiceMail, type InvoiceMailJob } from "./reminders.ts";

/** Hands every tenant its billing step; a tenant whose step is still queued is not given another. */
export async function tickBilling(deps: BillingDependencies): Promise<number> {
  const directory = await listTenantDirectory(deps.db);
  for (const tenant of directory) {
    await deps.jobs.send(
      deps.db,
      billingCloseQueue,
      { tenantId: tenant.tenantId },
      { ...billingRetry, singletonKey: tenant.tenantId },
    );
  }
  return directory.length;
}

/**
 * Jobs a billing queue hands the worker per fetch; while fetches come back full it fetches again at
 * once instead of waiting for its poll (one job per 2 s poll would take a quarter of an hour to
 * close 514 regions). Every billing job is idempotent, so when one of a batch fails and the batch
 * is retried, the jobs that had succeeded change nothing the second time.
 */
const batch = { batchSize: 8, burstWhenBatchFull: true } as const;

/** The worker's billing: an hourly tick, each tenant's step, invoices and their mails. */
export async function serveBilling(boss: PgBoss, deps: BillingDependencies): Promise<void> {
  await boss.schedule(billingTickQueue, "11 * * * *");
  await boss.work(billingTickQueue, async () => {
    deps.log.info({ tenants: await tickBilling(deps) }, "billing steps queued");
  });
  await boss.work(billingCloseQueue, batch, async (jobs: Job<{ tenantId: string }>[]) => {
    for (const job of jobs) await closeTenantBilling(deps, job.data.tenantId);
  });
  await boss.work(billingIssueQueue, batch, async (jobs: Job<IssueJob>[]) => {
    for (const job of jobs) await issueInvoice(deps, job.data);
  });
  await boss.work(billingReminderQueue, batch, async (jobs: Job<InvoiceMailJob>[]) => {
    for (const job of jobs) {
      const outcome = await sendInvoiceMail(deps, job.data);
      deps.log.info(
        { invoiceId: job.data.invoiceId, kind: job.data.kind, outcome },
        "invoice mail",
      );
    }
  });
}
