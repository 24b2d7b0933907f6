import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { withPipelining } from "./pipelined-transaction.ts";
import * as schema from "./schema/index.ts";

export { PipelinedTransaction } from "./pipelined-transaction.ts";

export type Schema = typeof schema;

export interface DatabaseOptions {
  /** Connection pool size; the API and the worker each keep their own pool. */
  max?: number;
  /** Shown in `pg_stat_activity`, so an operator can tell which process holds a connection. */
  applicationName?: string;
  /**
   * Statements prepared and `db.transaction` pipelined (the default; see pipelined-transaction.ts),
   * or postgres.js used as Drizzle uses it. Migrations turn it off: a migration chunk may hold
   * several statements, which a prepared statement refuses.
   */
  pipelined?: boolean;
}

/** Opens a pool. Callers own it and must `close()` it on shutdown. */
export function createDatabase(url: string, options: DatabaseOptions = {}) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "sigap" },
  });
  // No statement waits for a round trip it does not need: `db.transaction` (and so `withTenant`)
  // sends BEGIN with the first statement, and statements are prepared. See pipelined-transaction.ts.
  const client = options.pipelined === false ? sql : withPipelining(sql);
  const db = drizzle({ client, schema, casing: "snake_case" });
  return {
    sql,
    db,
    close: () => sql.end({ timeout: 5 }),
  };
}

export type Database = ReturnType<typeof createDatabase>["db"];
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything a query can run on: the pool itself or a transaction (e.g. from `withTenant`). */
export type Executor = Database | Transaction;

declare const tenantScoped: unique symbol;

/**
 * A transaction that row-level security confines to one tenant. Only `@sigap/tenancy`'s
 * `withTenant` (and its one-statement twin) hands these out, and queries of tenant-owned tables
 * take nothing else: given the bare pool, where no tenant is set, they do not compile.
 */
export type TenantTx = Transaction & { readonly [tenantScoped]: true };
