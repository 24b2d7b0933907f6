import type { Database } from "@sigap/db/client";
import type { Logger } from "../logger.ts";
import type { AppConfig } from "../trpc/init.ts";

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
}

export interface AppEnv {
  Variables: AppVariables;
}
