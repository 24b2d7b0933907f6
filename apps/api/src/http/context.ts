import type { Database } from "@sigap/db/client";
import type { Listen } from "../calls/call-feed.ts";
import type { AppConfig } from "../config.ts";
import type { JobSender } from "../jobs/send.ts";
import type { Logger } from "../logger.ts";

/** What every request handler can reach, set once per request by the app's middleware. */
export interface AppVariables {
  requestId: string;
  log: Logger;
}

export interface AppDependencies {
  /** Pool connected as the runtime role `sigap_app`. */
  db: Database;
  logger: Logger;
  config: AppConfig;
  /** LISTEN on a connection of its own (postgres.js `sql.listen`), for the live call feed. */
  listen: Listen;
  /** Sends jobs for the worker inside a request's transaction (a pg-boss that serves no queue here). */
  jobs: JobSender;
}

export interface AppEnv {
  Variables: AppVariables;
}
