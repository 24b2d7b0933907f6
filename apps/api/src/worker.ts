#!/usr/bin/env node
// The background job process: `node apps/api/src/worker.ts`. It serves every queue in `jobQueues`:
// the hourly purge of calls past their retention, incidents' notifications and escalations, and billing.
import { createDatabase } from "@sigap/db/client";
import { jobQueues } from "@sigap/db/jobs";
import { serveBilling } from "./billing/schedule.ts";
import { serveCallPurge } from "./calls/retention.ts";
import { appConfig } from "./config.ts";
import { serveEscalations } from "./incidents/escalate.ts";
import { notifyConcurrency, serveNotifications } from "./incidents/notify.ts";
import { createBoss } from "./jobs/boss.ts";
import { jobSender } from "./jobs/send.ts";
import { readEnv } from "./env.ts";
import { createLogger } from "./logger.ts";

const env = readEnv();
const logger = createLogger(env.LOG_LEVEL, "worker");

const boss = createBoss(env.DATABASE_APP_URL, "worker");
let stopping = false;
boss.on("error", (error: Error & { code?: string }) => {
  // Connections dropped while we shut down are expected, not news. The error object also carries
  // pg's whole client state, so only its message and code are logged.
  if (stopping) return;
  logger.error({ error: error.message, code: error.code }, "pg-boss error");
});

// A notification holds its delivery's row (and so a connection) while the receiver answers: one
// connection per concurrent notification, and two to spare for escalations and the purge.
const database = createDatabase(env.DATABASE_APP_URL, {
  max: notifyConcurrency + 2,
  applicationName: "sigap-worker",
});
const config = appConfig(env);
const jobs = jobSender(boss);
await boss.start();
await serveCallPurge(boss, database.db, logger);
await serveNotifications(boss, { db: database.db, config, log: logger });
await serveEscalations(boss, { db: database.db, jobs, log: logger, config });
// Billing last and apart: nothing in it is needed to take a call or dispatch, and its failures stay in its own queues.
await serveBilling(boss, { db: database.db, config, jobs, log: logger });
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
