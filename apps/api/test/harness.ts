import { afterAll, beforeAll } from "vitest";
import { connectTestDatabase, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { deleteTestPeople, type TestPerson } from "./people.ts";
import { startTestApi } from "./server.ts";

type RunningApi = Awaited<ReturnType<typeof startTestApi>>;

/**
 * The real API for one test file, on the run's test database, started before its tests and
 * closed after them. Call it first in the file: hooks registered later (cleanups that still need
 * `database`) then run before it closes. `api` can be handed around at once; its fields are read
 * inside tests, once it runs.
 */
export function useTestApi() {
  const database = connectTestDatabase();
  let running: RunningApi | undefined;
  beforeAll(async () => {
    running = await startTestApi(database.urls.appUrl);
  });
  afterAll(async () => {
    await running?.close();
    await database.close();
  });
  const started = (): RunningApi => {
    if (!running)
      throw new Error("the test API starts in beforeAll: use it inside hooks and tests");
    return running;
  };
  const api: Pick<RunningApi, "url" | "logLines"> = {
    get url() {
      return started().url;
    },
    get logLines() {
      return started().logLines;
    },
  };
  return { api, database };
}

/**
 * The tenants and people a test file creates, deleted after its tests: push each one made. Call
 * it after `useTestApi`, so the cleanup runs while the database is still open.
 */
export function useTestRecords(owner: ReturnType<typeof connectTestDatabase>["owner"]) {
  const tenants: TestTenant[] = [];
  const people: TestPerson[] = [];
  afterAll(async () => {
    await deleteTestPeople(owner, people);
    await deleteTestTenants(owner, tenants);
  });
  return { tenants, people };
}
