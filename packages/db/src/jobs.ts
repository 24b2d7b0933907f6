import { sql, type SQL } from "drizzle-orm";
import { PgBoss } from "pg-boss";
import postgres from "postgres";
import type { Executor } from "./client.ts";
import { appRoleName } from "./schema/roles.ts";

/** pg-boss keeps its tables in their own schema, next to the application's. */
export const jobSchema = "pgboss";

/** Deletes calls past each tenant's retention period (apps/api/src/calls/retention.ts), hourly. */
export const callPurgeQueue = "calls.purge";

/** Sends one notification of a dispatched incident (apps/api/src/incidents/notify.ts). */
export const incidentNotifyQueue = "incidents.notify";

/** Fires an acknowledgement deadline or an escalation step of a dispatched incident (apps/api/src/incidents/escalate.ts). */
export const incidentEscalationQueue = "incidents.escalate";

/** Hourly: hands each tenant a `billing.close` job (apps/api/src/billing/schedule.ts). */
export const billingTickQueue = "billing.tick";

/** Rolls up one tenant's usage days and queues an issue job per ended period without an invoice. */
export const billingCloseQueue = "billing.close";

/** Issues one tenant's invoice for one period (apps/api/src/billing/issue.ts). */
export const billingIssueQueue = "billing.issue";

/** Sends one reminder of one invoice, before or after its due date (apps/api/src/billing/reminders.ts). */
export const billingReminderQueue = "billing.remind";

/**
 * Every queue the worker serves. Queues are created here, by the owner during migration, so the
 * runtime role needs no CREATE privilege.
 */
export const jobQueues: readonly string[] = [
  callPurgeQueue,
  incidentNotifyQueue,
  incidentEscalationQueue,
  billingTickQueue,
  billingCloseQueue,
  billingIssueQueue,
  billingReminderQueue,
];

/**
 * Queues whose new jobs wake the worker at once (pg-boss sends a NOTIFY with each): a notification
 * must leave within a second of the dispatch, not at the worker's next poll.
 */
const wakingQueues: ReadonlySet<string> = new Set([incidentNotifyQueue]);

/**
 * Queues where a job's `singletonKey` (tenant, or tenant and period) admits one queued and one
 * active job at a time: retries and several workers do not pile up duplicate billing work. The
 * unique constraints on the billing tables are what make the result exactly-once.
 */
const statelyQueues: ReadonlySet<string> = new Set([billingCloseQueue, billingIssueQueue]);

/**
 * pg-boss's database interface over a transaction: a job sent through it (`send(..., { db })`)
 * exists exactly when the transaction commits, so work and the jobs that follow it up are never
 * half-recorded. pg-boss writes `$n` placeholders; each becomes a bound parameter.
 */
export function jobsInTransaction(tx: Executor): {
  executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
} {
  return {
    executeSql: async (text, values = []) => {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = parts.map((part, index) =>
        index % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`,
      );
      const rows = await tx.execute(sql.join(chunks));
      return { rows: [...rows] };
    },
  };
}

/**
 * Installs or upgrades pg-boss's schema as the owner, creates the declared queues, and lets the
 * runtime role use (but not alter) them.
 */
export async function installJobSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: jobSchema,
    supervise: false,
    schedule: false,
    max: 2,
  });
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const queue of jobQueues)
      await boss.createQueue(queue, {
        notify: wakingQueues.has(queue),
        policy: statelyQueues.has(queue) ? "stately" : "standard",
      });
  } finally {
    await boss.stop({ graceful: false });
  }

  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx.unsafe(`grant usage on schema ${jobSchema} to ${appRoleName}`);
      await tx.unsafe(
        `grant select, insert, update, delete on all tables in schema ${jobSchema} to ${appRoleName}`,
      );
      await tx.unsafe(
        `grant usage, select on all sequences in schema ${jobSchema} to ${appRoleName}`,
      );
      await tx.unsafe(`grant execute on all functions in schema ${jobSchema} to ${appRoleName}`);
    });
  } finally {
    await sql.end();
  }
}
