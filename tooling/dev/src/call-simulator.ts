import { dirname, join } from "node:path";
import { childEnv, type readStartConfig } from "./env.ts";
import { localRoleUrls } from "./postgres.ts";
import { run } from "./run.ts";
import { localSecretKeys } from "./secret-keys.ts";

type StartConfig = ReturnType<typeof readStartConfig>;

/** The secret keys the local stack runs with: SIGAP_SECRET_KEYS, or the ones kept beside its data. */
export function stackSecretKeys(config: StartConfig): string {
  return config.secretKeys ?? localSecretKeys(join(dirname(config.dataDir), "secret-keys"));
}

/** Runs one of the API's command-line tools (apps/api/src/cli) on the database and keys of the stack `npm start` runs with `config`. */
function runApiCli(config: StartConfig, script: string, args: string[]): Promise<void> {
  const appUrl = config.externalDatabase?.appUrl ?? localRoleUrls(config.postgresPort).appUrl;
  return run(process.execPath, [`apps/api/src/cli/${script}`, ...args], {
    env: childEnv({ DATABASE_APP_URL: appUrl, SIGAP_SECRET_KEYS: stackSecretKeys(config) }),
  });
}

/** Runs the call simulator (apps/api/src/cli/simulate-calls.ts) against the stack's API. `args` are the simulator's own. */
export function runCallSimulator(config: StartConfig, args: string[]): Promise<void> {
  return runApiCli(config, "simulate-calls.ts", [
    "--api",
    `http://127.0.0.1:${String(config.apiPort)}`,
    ...args,
  ]);
}

/** Gives the demo regions a few months of invoices and payments (apps/api/src/cli/demo-billing.ts). */
export function runDemoBilling(config: StartConfig): Promise<void> {
  return runApiCli(config, "demo-billing.ts", []);
}
