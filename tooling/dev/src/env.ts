import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root, whatever the current directory. */
export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

function port(name: string, fallback: number): number {
  // eslint-disable-next-line no-restricted-properties -- this file is the dev tooling's env.ts
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a port number (1-65535), got "${raw}"`);
  }
  return value;
}

function optional(name: string): string | undefined {
  // eslint-disable-next-line no-restricted-properties -- this file is the dev tooling's env.ts
  const value = process.env[name];
  return value === "" ? undefined : value;
}

/** Settings of `npm start`; every one has a default so a fresh clone needs none. */
export function readStartConfig() {
  const ownerUrl = optional("DATABASE_URL");
  const appUrl = optional("DATABASE_APP_URL");
  if (ownerUrl && !appUrl) {
    throw new Error(
      "DATABASE_URL is set but DATABASE_APP_URL is not: give the sigap_app role's connection string too (see README, 'Using your own Postgres').",
    );
  }
  return {
    portalPort: port("PORTAL_PORT", 3000),
    apiPort: port("API_PORT", 3001),
    postgresPort: port("PG_PORT", 5433),
    dataDir: optional("SIGAP_DATA_DIR") ?? join(repoRoot, ".data", "postgres"),
    externalDatabase: ownerUrl && appUrl ? { ownerUrl, appUrl } : undefined,
    logLevel: optional("LOG_LEVEL") ?? "info",
    secretKeys: optional("SIGAP_SECRET_KEYS"),
  };
}

/** The environment children inherit, plus overrides. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  // eslint-disable-next-line no-restricted-properties -- children inherit PATH etc.
  return { ...process.env, ...overrides };
}
