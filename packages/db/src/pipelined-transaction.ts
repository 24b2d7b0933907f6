import postgres, { type ReservedSql, type Sql } from "postgres";

// Why this exists: postgres.js's own `sql.begin` awaits BEGIN before running the transaction's
// body and awaits COMMIT after it, so even a one-statement transaction waits for three round
// trips. Postgres runs a connection's messages strictly in order, and postgres.js writes every
// query issued in the same tick as one socket write, so nothing needs to wait: BEGIN can travel
// with the body's first statement, and when the caller says the body is a single statement,
// COMMIT can travel with it too. Each statement still ends in its own Sync, so Postgres answers
// each separately, and a failure inside BEGIN…COMMIT aborts the whole block: a COMMIT that
// arrives after a failed statement rolls back (its tag says ROLLBACK), and a statement after it
// is refused (25P02). Nothing reaches the database outside the block.

type StatementParameters = Parameters<ReservedSql["unsafe"]>[1];
type Statement = ReturnType<ReservedSql["unsafe"]>;

/**
 * The pool as Drizzle should see it: the same postgres.js client, except that
 * - `begin` (what `db.transaction` calls) is `pipelinedBegin`. Only Drizzle calls `begin` through
 *   it, always as `begin(fn)` (transaction settings go through `tx.setTransaction`, pipelined like
 *   any statement);
 * - `unsafe` (what Drizzle runs every statement outside a transaction with) prepares statements.
 *   Drizzle asks for unprepared ones unless a query is given a name, and postgres.js then asks
 *   Postgres for an unprepared statement's parameter types before sending it: two round trips for
 *   every statement with parameters, the session and membership reads of every request among them.
 *   Prepared, a statement takes one from its second use on a connection.
 */
export function withPipelining(pool: Sql): Sql {
  const begin = <T>(fn: (tx: PipelinedTransaction) => Promise<T>) => pipelinedBegin(pool, fn);
  const unsafe: Sql["unsafe"] = (query, parameters, options) =>
    pool.unsafe(query, parameters, { ...options, prepare: true });
  const replaced: Partial<Record<PropertyKey, unknown>> = { begin, unsafe };
  return new Proxy(pool, {
    get: (target, key, receiver) =>
      replaced[key] ?? (Reflect.get(target, key, receiver) as unknown),
  });
}

/**
 * Runs `fn` in a transaction on one reserved connection, with BEGIN sent ahead of `fn`'s first
 * statement instead of awaited. Commits when `fn` resolves and no statement failed; otherwise
 * rolls back and rethrows. The connection goes back to the pool only once COMMIT or ROLLBACK has
 * been answered, so it is idle, outside any transaction, with every `set_config(..., true)` gone.
 */
async function pipelinedBegin<T>(
  pool: Sql,
  fn: (tx: PipelinedTransaction) => Promise<T>,
): Promise<T> {
  const unit = new Unit(await pool.reserve());
  return unit.root.run(fn, "begin", "commit", "rollback");
}

/** One transaction's connection and the state its scopes share. */
class Unit {
  readonly root: PipelinedTransaction;
  savepoints = 0;
  /** Declared by `readOnly()`: Postgres refuses writes, and COMMIT is not waited for. */
  readOnly = false;
  /** COMMIT, when it went out behind the unit's last statement (`endWithNextStatement`). */
  commit: Statement | undefined;
  commitAfterNextStatement = false;
  readonly connection: ReservedSql;

  constructor(connection: ReservedSql) {
    this.connection = connection;
    this.root = new PipelinedTransaction(this);
  }

  /**
   * Sends (or awaits, when it already went out) the statement that ends the transaction, and
   * returns the connection to the pool once it is answered. Postgres answering it, even with an
   * error (a COMMIT that fails rolls back), leaves the connection idle outside any transaction.
   * Anything else (a dropped socket, mostly) leaves its state unknown, and the connection is then
   * not released: postgres.js reconnects a closed one by itself, and a live one stays out of the
   * pool rather than be handed on mid-transaction.
   *
   * A read-only unit's COMMIT is not waited for: with nothing written there is nothing for it to
   * make durable or to refuse, and what the unit read is already in the caller's hands.
   */
  end(statement: string): Promise<void> {
    const ending = (this.commit ?? this.connection.unsafe(statement)).then(
      () => {
        this.connection.release();
      },
      (error: unknown) => {
        if (error instanceof postgres.PostgresError) this.connection.release();
        throw error;
      },
    );
    if (!(this.readOnly && statement === "commit")) return ending;
    ending.catch(() => {}); // a lost connection: postgres.js reconnects it for its next user
    return Promise.resolve();
  }
}

/**
 * A transaction (or savepoint) as Drizzle's postgres.js session uses it: statements through
 * `unsafe`, nested transactions through `savepoint`.
 */
export class PipelinedTransaction {
  /** The first statement of this scope that failed: the scope must roll back even if `fn` caught it. */
  private failure: Error | undefined;
  private readonly unit: Unit;

  constructor(unit: Unit) {
    this.unit = unit;
  }

  /**
   * Every statement is handed to the driver the moment it is issued (not when Drizzle later
   * awaits it), so the order on the wire is the order of the calls, and anything queued behind it
   * (COMMIT) cannot overtake it. Statements are prepared (per connection, by postgres.js): an
   * unprepared statement with parameters makes postgres.js ask Postgres for the parameter types
   * first and hold every later statement until the answer, one more round trip each time. They
   * also use the extended protocol even without parameters (`simple: false`, which postgres.js
   * reads though its types omit it): measured on Postgres 18, a simple-protocol statement inside
   * such a pipeline was answered 1–2 ms late, several times the whole unit's usual cost.
   */
  unsafe(
    query: string,
    parameters?: StatementParameters,
    options?: { prepare?: boolean },
  ): Statement {
    if (this.unit.commit)
      throw new Error("The transaction was declared to end with its previous statement");
    const statementOptions = { ...options, prepare: true, simple: false };
    const pending = this.unit.connection.unsafe(query, parameters, statementOptions);
    pending.catch((error: unknown) => {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    });
    if (this.unit.commitAfterNextStatement) {
      const commit = this.unit.connection.unsafe("commit");
      commit.catch(() => {}); // awaited by Unit.end; its answer may arrive before that await starts
      this.unit.commit = commit;
    }
    return pending;
  }

  /**
   * Declares that the next statement is the transaction's last: COMMIT is sent right behind it,
   * in the same write, instead of after its answer. If the statement fails, that COMMIT rolls
   * back; if it succeeds, the transaction commits whatever the caller does afterwards, so the
   * statement's outcome is the transaction's. Any further statement is refused before it reaches
   * the wire.
   */
  endWithNextStatement(): void {
    this.unit.commitAfterNextStatement = true;
  }

  /**
   * Declares the unit read-only: Postgres refuses any write in it (25006, and the unit rolls
   * back), and the unit's result goes to the caller without waiting for COMMIT's answer, so a
   * unit of one read costs its caller one round trip. Sent without waiting, like any statement.
   */
  readOnly(): void {
    void this.unsafe("set transaction read only");
    this.unit.readOnly = true;
  }

  savepoint<T>(fn: (tx: PipelinedTransaction) => Promise<T>): Promise<T> {
    const name = `s${this.unit.savepoints++}`;
    return new PipelinedTransaction(this.unit).run(
      fn,
      `savepoint ${name}`,
      `release savepoint ${name}`,
      `rollback to savepoint ${name}`,
    );
  }

  async run<T>(
    fn: (tx: PipelinedTransaction) => Promise<T>,
    open: string,
    close: string,
    undo: string,
  ): Promise<T> {
    void this.unsafe(open); // its failure is the scope's, like any statement's
    let result: T;
    try {
      result = await fn(this);
      if (this.failure !== undefined) throw this.failure;
    } catch (error) {
      await this.finish(undo);
      // Statements after a failed one fail with 25P02 ("current transaction is aborted"); the
      // first failure says what actually went wrong.
      throw isAbortedTransaction(error) && this.failure !== undefined ? this.failure : error;
    }
    await this.finish(close);
    return result;
  }

  private async finish(statement: string): Promise<void> {
    if (this === this.unit.root) await this.unit.end(statement);
    else await this.unit.connection.unsafe(statement);
  }
}

function isAbortedTransaction(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "25P02";
}
