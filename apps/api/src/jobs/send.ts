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
}

/** Sends jobs inside the caller's transaction: they exist exactly when its work commits. */
export interface JobSender {
  send: (tx: Executor, queue: string, data: object, options?: JobOptions) => Promise<void>;
}

export function jobSender(boss: PgBoss): JobSender {
  return {
    send: async (tx, queue, data, options = {}) => {
      await boss.send(queue, data, { ...options, db: jobsInTransaction(tx) });
    },
  };
}
