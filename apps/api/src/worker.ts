#!/usr/bin/env node
// The background job process: `node apps/api/src/worker.ts`. It serves every queue in `jobQueues`:
// for now the hourly purge of calls past their retention; billing and notifications will add theirs.
import { PgBoss } from "pg-boss";
import { createDatabase } from "@sigap/db/client";
import { jobQueues, jobSchema } from "@sigap/db/jobs";
import { serveCallPurge } from "./calls/retention.ts";
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
let stopping = false;
boss.on("error", (error: Error & { code?: string }) => {
  // Connections dropped while we shut down are expected, not news. The error object also carries
  // pg's whole client state, so only its message and code are logged.
  if (stopping) return;
  logger.error({ error: error.message, code: error.code }, "pg-boss error");
});

const database = createDatabase(env.DATABASE_APP_URL, { max: 2, applicationName: "sigap-worker" });
await boss.start();
await serveCallPurge(boss, database.db, logger);
logger.info({ queues: jobQueues }, "worker started");

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker stopping");
  await boss.stop({ graceful: true, timeout: 10_000 });
  await database.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
