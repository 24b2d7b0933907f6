#!/usr/bin/env node
// Demo billing history: `node apps/api/src/cli/demo-billing.ts`, run by `npm start` once the stack
// is up. Every region with a billing profile and no invoice yet gets a few months of usage, invoices,
// payments and reminders (see apps/api/src/billing/demo-history.ts); others are left alone, so it is
// safe on every start. Reads DATABASE_APP_URL and SIGAP_SECRET_KEYS as the API does.
import { createDatabase } from "@sigap/db/client";
import { listTenantDirectory } from "@sigap/db/queries";
import { recordDemoBilling } from "../billing/demo-history.ts";
import { appConfig } from "../config.ts";
import { readEnv } from "../env.ts";
import { createBoss } from "../jobs/boss.ts";
import { jobSender } from "../jobs/send.ts";
import { createLogger } from "../logger.ts";

const env = readEnv();
const database = createDatabase(env.DATABASE_APP_URL, {
  max: 2,
  applicationName: "sigap-demo-billing",
});
const jobs = jobSender(createBoss(env.DATABASE_APP_URL, "sender"));
const deps = {
  db: database.db,
  config: appConfig(env),
  jobs,
  log: createLogger("warn", "demo-billing"),
};

try {
  for (const tenant of await listTenantDirectory(database.db)) {
    const issued = await recordDemoBilling(deps, tenant.tenantId, new Date(), Math.random);
    if (issued > 0)
      console.log(
        `[billing] ${tenant.slug}: ${String(issued)} invoices of past months issued, with their payments`,
      );
  }
} finally {
  await jobs.stop();
  await database.close();
}
