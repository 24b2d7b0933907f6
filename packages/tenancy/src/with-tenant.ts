import { PostgresJsSession } from "drizzle-orm/postgres-js/session";
import {
  PipelinedTransaction,
  type Database,
  type TenantTx,
  type Transaction,
} from "@sigap/db/client";
import type { TenantId } from "./types.ts";

/**
 * Runs `fn` as `tenantId`: one transaction on the runtime-role pool, with `app.tenant_id` set
 * transaction-locally (`set_config(..., true)`), so the setting can never leak to the next user
 * of a pooled connection. Row-level security then confines every statement in `fn` to that tenant.
 *
 * BEGIN and the setting add no round trip: they go out with `fn`'s first statement (see
 * `@sigap/db`'s pipelined-transaction.ts). COMMIT waits for `fn`; when `fn` is a single statement,
 * `withTenantStatement` sends it along too. With `readOnly`, Postgres refuses any write in the
 * unit and the result is returned without waiting for COMMIT's answer: a unit of reads costs its
 * caller one round trip per read, and nothing else.
 *
 * This (with `withTenantStatement`) is the only way application code may touch tenant-owned tables.
 */
export function withTenant<T>(
  db: Database,
  tenantId: TenantId,
  fn: (tx: TenantTx) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  return db.transaction((tx) => {
    const client = setTenant(tx, tenantId);
    if (options.readOnly) client.readOnly();
    return fn(asTenantTx(tx));
  });
}

/**
 * `withTenant` for a unit that is one statement (a read, mostly): BEGIN, the setting, the
 * statement and COMMIT leave in one write and come back in one answer, a single round trip.
 * `statement` must return the query unawaited; a second statement is refused. If the statement
 * fails, the COMMIT behind it rolls back and the statement's error is thrown.
 */
export function withTenantStatement<T>(
  db: Database,
  tenantId: TenantId,
  statement: (tx: TenantTx) => PromiseLike<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    setTenant(tx, tenantId).endWithNextStatement();
    return statement(asTenantTx(tx));
  });
}

/**
 * Runs `fn` in a savepoint of `tx`, which is still the tenant's transaction: a failure in `fn`
 * undoes what `fn` wrote and nothing before it.
 */
export function withSavepoint<T>(tx: TenantTx, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return tx.transaction((savepoint) => fn(asTenantTx(savepoint)));
}

/** Brands a transaction whose tenant has been set. */
const asTenantTx = (tx: Transaction) => tx as TenantTx;

/**
 * Sends the setting without awaiting it: it travels ahead of the unit's first statement, and
 * Postgres runs a connection's statements in order. Had it failed, the transaction would be
 * aborted, every later statement would fail, and the transaction reports the setting's error.
 */
function setTenant(tx: Transaction, tenantId: TenantId): PipelinedTransaction {
  const client = driverTransaction(tx);
  void client.unsafe("select set_config('app.tenant_id', $1, true)", [tenantId]);
  return client;
}

/**
 * The pipelined transaction under a Drizzle transaction. Drizzle keeps it on an internal
 * `session` field; if a Drizzle upgrade moves it, this fails loudly on the first tenant query
 * (and in the isolation tests) instead of silently running without the tenant.
 */
function driverTransaction(tx: Transaction): PipelinedTransaction {
  const session: unknown = Reflect.get(tx, "session");
  if (!(session instanceof PostgresJsSession))
    throw new Error("withTenant needs Drizzle's postgres.js session");
  const client: unknown = session.client;
  if (!(client instanceof PipelinedTransaction))
    throw new Error("withTenant needs a pool from createDatabase");
  return client;
}
