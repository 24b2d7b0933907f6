import { PostgresJsSession } from "drizzle-orm/postgres-js/session";
import type { TransactionSql } from "postgres";
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
    // This runs on every tenant request, so the setting is pipelined rather than awaited: the
    // driver sends it now, on the transaction's one connection, before `fn` can queue anything,
    // and Postgres runs a connection's statements in order. Had it failed, the transaction would
    // be aborted and `fn`'s statements would fail with it; awaiting it below reports why.
    const tenantSet = driverTransaction(tx)`select set_config('app.tenant_id', ${tenantId}, true)`.execute();
    tenantSet.catch(() => {}); // observed below; keeps an early failure from counting as unhandled
    try {
      return await fn(tx);
    } finally {
      await tenantSet;
    }
  });
}

/**
 * The postgres.js transaction under a Drizzle transaction. Drizzle keeps it on an internal
 * `session` field; if a Drizzle upgrade moves it, this fails loudly on the first tenant query
 * (and in the isolation tests) instead of silently awaiting an extra round trip.
 */
function driverTransaction(tx: Transaction): TransactionSql {
  const session: unknown = Reflect.get(tx, "session");
  if (!(session instanceof PostgresJsSession)) throw new Error("withTenant needs Drizzle's postgres.js session");
  const client: unknown = session.client;
  return client as TransactionSql;
}
