import type { PgBoss } from "pg-boss";
import type { Executor } from "@sigap/db/client";
import { jobsInTransaction } from "@sigap/db/jobs";

/** The pg-boss options a job of ours may carry: when it starts, how it retries. */
export interface JobOptions {
  startAfter?: Date;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  retryDelayMax?: number;
  /** On a `stately` queue, one queued and one active job per key. */
  singletonKey?: string;
}

/** Sends jobs inside the caller's transaction: they exist exactly when its work commits. */
export interface JobSender {
  send: (tx: Executor, queue: string, data: object, options?: JobOptions) => Promise<void>;
}

/**
 * A sender over `boss`, started on the first send (and again after a failed start): a process that
 * starts while Postgres is away still comes up, answers its health check with 503, and sends once
 * the database is back. `stop` ends it if it ever started.
 */
export function jobSender(boss: PgBoss): JobSender & { stop: () => Promise<void> } {
  let starting: Promise<unknown> | undefined;
  const started = () =>
    (starting ??= boss.start().catch((error: unknown) => {
      starting = undefined;
      throw error;
    }));
  return {
    send: async (tx, queue, data, options = {}) => {
      await started();
      await boss.send(queue, data, { ...options, db: jobsInTransaction(tx) });
    },
    stop: async () => {
      if (
        starting &&
        (await starting.then(
          () => true,
          () => false,
        ))
      )
        await boss.stop({ graceful: false });
    },
  };
}
