import { PgBoss } from "pg-boss";
import { jobSchema } from "@sigap/db/jobs";

/**
 * A pg-boss on the runtime role. The schema and queues are installed by the migration step as the
 * owner; processes running as the runtime role must not try to create or alter them. `role`
 * `sender` only sends (the API): it supervises nothing and runs no schedules, which is the worker's job.
 */
export function createBoss(connectionString: string, role: "worker" | "sender"): PgBoss {
  return new PgBoss({
    connectionString,
    schema: jobSchema,
    migrate: false,
    createSchema: false,
    max: role === "worker" ? 4 : 2,
    // The worker listens for new jobs on queues that announce them (see `jobQueues`), instead of only polling.
    ...(role === "sender" ? { supervise: false, schedule: false } : { useListenNotify: true }),
  });
}
