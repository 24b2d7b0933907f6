#!/usr/bin/env node
// The API process: `node apps/api/src/server.ts`.
import { serve } from "@hono/node-server";
import { outlastClientKeepAlive } from "./http/keep-alive.ts";
import { createDatabase } from "@sigap/db/client";
import { createApp } from "./app.ts";
import { appConfig } from "./config.ts";
import { readEnv } from "./env.ts";
import { createBoss } from "./jobs/boss.ts";
import { jobSender } from "./jobs/send.ts";
import { createLogger } from "./logger.ts";

const env = readEnv();
const logger = createLogger(env.LOG_LEVEL, "api");
const database = createDatabase(env.DATABASE_APP_URL, {
  max: env.DATABASE_POOL_SIZE,
  applicationName: "sigap-api",
});
const boss = createBoss(env.DATABASE_APP_URL, "sender");
boss.on("error", (error: Error) => {
  logger.error({ error: error.message }, "pg-boss error");
});
const jobs = jobSender(boss);
const app = createApp({
  db: database.db,
  logger,
  config: appConfig(env),
  listen: database.sql.listen.bind(database.sql),
  jobs,
});

const server = serve({ fetch: app.fetch, port: env.API_PORT, hostname: env.API_HOST }, (info) => {
  logger.info({ port: info.port, host: env.API_HOST }, "api listening");
});
outlastClientKeepAlive(server);

function shutdown(signal: string) {
  logger.info({ signal }, "api stopping");
  server.close(() => {
    void Promise.all([jobs.stop(), database.close()]).then(() => process.exit(0));
  });
}
process.once("SIGINT", () => {
  shutdown("SIGINT");
});
process.once("SIGTERM", () => {
  shutdown("SIGTERM");
});
