#!/usr/bin/env node
// The background job process: `node apps/api/src/worker.ts`. It serves every queue in `jobQueues`
// (none yet); billing and notifications will add theirs.
import { PgBoss } from "pg-boss";
import { jobQueues, jobSchema } from "@sigap/db/jobs";
import { readEnv } from "./env.ts";
import { createLogger } from "./logger.ts";

const env = readEnv();
const logger = createLogger(env.LOG_LEVEL, "worker");

// The schema and queues are installed by the migration step as the owner; the worker, running as
// the runtime role, must not try to create or alter them.
const boss = new PgBoss({
  connectionString: env.DATABASE_APP_URL,
  schema: jobSchema,
  migrate: false,
  createSchema: false,
  max: 4,
});
boss.on("error", (error) => {
  logger.error({ err: error }, "pg-boss error");
});

await boss.start();
logger.info({ queues: jobQueues }, "worker started");

async function shutdown(signal: string) {
  logger.info({ signal }, "worker stopping");
  await boss.stop({ graceful: true, timeout: 10_000 });
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
