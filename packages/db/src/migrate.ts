import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDatabase } from "./client.ts";
import { installJobSchema } from "./jobs.ts";

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/**
 * Applies every pending migration, then installs pg-boss's schema, as the owner role.
 * Safe to run on every start.
 */
export async function runMigrations(ownerUrl: string): Promise<void> {
  const database = createDatabase(ownerUrl, {
    max: 1,
    applicationName: "sigap-migrate",
    pipelined: false,
  });
  try {
    await migrate(database.db, { migrationsFolder });
  } finally {
    await database.close();
  }
  await installJobSchema(ownerUrl);
}
