import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { withPipelinedTransactions } from "./pipelined-transaction.ts";
import * as schema from "./schema/index.ts";

export { PipelinedTransaction } from "./pipelined-transaction.ts";

export type Schema = typeof schema;

export interface DatabaseOptions {
  /** Connection pool size; the API and the worker each keep their own pool. */
  max?: number;
  /** Shown in `pg_stat_activity`, so an operator can tell which process holds a connection. */
  applicationName?: string;
  /**
   * `db.transaction` pipelined (the default; see pipelined-transaction.ts) or postgres.js's own.
   * Migrations turn it off: a migration chunk may hold several statements, which the pipelined
   * transaction's prepared statements refuse.
   */
  pipelinedTransactions?: boolean;
}

/** Opens a pool. Callers own it and must `close()` it on shutdown. */
export function createDatabase(url: string, options: DatabaseOptions = {}) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "sigap" },
  });
  // `db.transaction` (and so `withTenant`) sends BEGIN with the first statement instead of
  // waiting for it: see pipelined-transaction.ts.
  const client = options.pipelinedTransactions === false ? sql : withPipelinedTransactions(sql);
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
