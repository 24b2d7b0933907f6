import { sql } from "drizzle-orm";
import type { Database, Transaction } from "@sigap/db/client";
import type { TenantId } from "./types.ts";

/**
 * Runs `fn` as `tenantId`: one transaction on the runtime-role pool, with `app.tenant_id` set
 * transaction-locally (`set_config(..., true)`), so the setting can never leak to the next user
 * of a pooled connection. Row-level security then confines every statement in `fn` to that tenant.
 *
 * This is the only way application code may touch tenant-owned tables.
 */
export async function withTenant<T>(
  db: Database,
  tenantId: TenantId,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    return fn(tx);
  });
}
