import type { PgBoss } from "pg-boss";
import type { Database } from "@sigap/db/client";
import { callPurgeQueue } from "@sigap/db/jobs";
import {
  deleteCallFeedBefore,
  deleteCallsOfferedBefore,
  listTenantDirectory,
  tenantCallRetentionDays,
} from "@sigap/db/queries";
import { asTenantId, withTenant } from "@sigap/tenancy";
import type { Logger } from "../logger.ts";

/** How long calls are kept where a tenant has not set its own period (see `call_retention_days`). */
export const defaultCallRetentionDays = 365;

/** How far back a live queue can resume from; older feed entries only repeat what the calls say. */
const feedRetentionMs = 2 * 24 * 60 * 60 * 1000;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Deletes, tenant by tenant, the calls older than that tenant's retention period (with their
 * events and feed entries) and feed entries no queue resumes from. Each tenant is its own
 * transaction, so one tenant's failure leaves the others purged. Returns the calls deleted per tenant.
 */
export async function purgeExpiredCalls(db: Database, now: Date): Promise<Map<string, number>> {
  const purged = new Map<string, number>();
  for (const tenant of await listTenantDirectory(db)) {
    const deleted = await withTenant(db, asTenantId(tenant.tenantId), async (tx) => {
      const days = (await tenantCallRetentionDays(tx)) ?? defaultCallRetentionDays;
      await deleteCallFeedBefore(tx, new Date(now.getTime() - feedRetentionMs));
      return deleteCallsOfferedBefore(tx, new Date(now.getTime() - days * dayMs));
    });
    if (deleted > 0) purged.set(tenant.slug, deleted);
  }
  return purged;
}

/** The purge runs every hour; the worker (and tests) serve its queue with this. */
export async function serveCallPurge(boss: PgBoss, db: Database, log: Logger): Promise<void> {
  await boss.schedule(callPurgeQueue, "17 * * * *");
  await boss.work(callPurgeQueue, async () => {
    const purged = await purgeExpiredCalls(db, new Date());
    log.info({ purged: Object.fromEntries(purged) }, "calls past their retention deleted");
  });
}
