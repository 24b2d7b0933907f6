import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { prepareDatabase } from "../database.ts";
import { ensureKamailio } from "../kamailio.ts";
import { freePort } from "./free-port.ts";
import type {} from "@sigap/tenancy/testing";

/** The projects whose tests reach the database. */
const databaseProjects = new Set(["integration", "e2e"]);

/**
 * One throwaway Postgres for the whole run, on a free port in a temporary directory, so a running
 * `npm start` (port 5433, .data/) is never touched. Migrated and seeded once; tests create what
 * else they need with unique names.
 */
export default async function setup(project: TestProject) {
  // A run of database-free projects only (the SOP engine's, the portal's unit tests) starts nothing.
  if (!project.vitest.projects.some((selected) => databaseProjects.has(selected.name))) return;
  // Here as well as in `npm test`: the SBC tests run Kamailio, and a run of vitest alone needs it too.
  await ensureKamailio();
  const dataRoot = await mkdtemp(join(tmpdir(), "sigap-test-pg-"));
  const database = await prepareDatabase({
    external: undefined,
    dataDir: join(dataRoot, "data"),
    port: await freePort(),
    persistent: false,
  });
  project.provide("databaseUrls", { ownerUrl: database.ownerUrl, appUrl: database.appUrl });
  return async () => {
    await database.stop();
    await rm(dataRoot, { recursive: true, force: true });
  };
}
