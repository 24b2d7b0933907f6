import { runMigrations } from "@sigap/db/migrate";
import { seedDemo } from "@sigap/db/seed";
import { startLocalPostgres, type DatabaseUrls } from "./postgres.ts";
import { step } from "./run.ts";

export interface PreparedDatabase extends DatabaseUrls {
  stop: () => Promise<void>;
}

/**
 * Gives a migrated, seeded database: the external one when its URLs are given, otherwise an
 * embedded Postgres 18 in `dataDir` on `port`.
 */
export async function prepareDatabase(options: {
  external: DatabaseUrls | undefined;
  dataDir: string;
  port: number;
  persistent: boolean;
}): Promise<PreparedDatabase> {
  let database: PreparedDatabase;
  if (options.external) {
    step("using the Postgres at DATABASE_URL");
    database = { ...options.external, stop: () => Promise.resolve() };
  } else {
    step(`starting embedded Postgres 18 on port ${options.port}`);
    database = await startLocalPostgres({
      dataDir: options.dataDir,
      port: options.port,
      persistent: options.persistent,
      log: step,
    }).catch((error: unknown) => {
      throw new Error(
        `embedded Postgres did not start on port ${options.port} (is another instance using it? set PG_PORT): ${String(error)}`,
      );
    });
  }
  try {
    step("applying migrations");
    await runMigrations(database.ownerUrl);
    const seeded = await seedDemo(database.ownerUrl);
    if (seeded.regionsLoaded || seeded.tenantsCreated > 0 || seeded.usersCreated > 0) {
      step(
        `seeded the region registry, ${seeded.tenantsCreated} demo tenants and ${seeded.usersCreated} demo users`,
      );
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}
