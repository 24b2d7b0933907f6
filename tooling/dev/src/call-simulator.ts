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

/**
 * Runs the call simulator (apps/api/src/cli/simulate-calls.ts) against the stack `npm start`
 * runs with `config`: its database, secret keys and API port. `args` are the simulator's own.
 */
export function runCallSimulator(config: StartConfig, args: string[]): Promise<void> {
  const appUrl = config.externalDatabase?.appUrl ?? localRoleUrls(config.postgresPort).appUrl;
  return run(process.execPath, ["apps/api/src/cli/simulate-calls.ts", "--api", `http://127.0.0.1:${String(config.apiPort)}`, ...args], {
    env: childEnv({ DATABASE_APP_URL: appUrl, SIGAP_SECRET_KEYS: stackSecretKeys(config) }),
  });
}
