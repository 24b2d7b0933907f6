import { startLocalPostgres } from "./src/postgres.ts";
import { runMigrations } from "@sigap/db/migrate";
import { seedDemo } from "@sigap/db/seed";
const pg = await startLocalPostgres({ dataDir: "/tmp/portal-dev-pg", port: 5497, persistent: true });
await runMigrations(pg.ownerUrl); await seedDemo(pg.ownerUrl);
console.log(pg.appUrl); setInterval(() => {}, 1 << 30);
