import type { Sql, TransactionSql } from "postgres";

class Rollback extends Error {
  readonly value: unknown;
  constructor(value: unknown) {
    super("rollback");
    this.value = value;
  }
}

/**
 * Runs `fn` in a transaction that is always rolled back and returns what it returned, so a checker
 * can be shown a careless table or function without leaving it in the catalog. Errors of `fn` pass.
 */
export async function rolledBack<T>(sql: Sql, fn: (tx: TransactionSql) => Promise<T>): Promise<T> {
  try {
    await sql.begin(async (tx) => {
      throw new Rollback(await fn(tx));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
  throw new Error("a rolled-back transaction committed");
}
