import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { testSecretKeys } from "@sigap/dev/secret-keys";
import type { TestTenant } from "@sigap/tenancy/testing";
import { useTestApi, useTestRecords } from "../harness.ts";
import { arrangeTrunk } from "./fixture.ts";

// The call simulator as `npm start` and `npm run calls` run it: a separate process that finds the
// tenant's trunk, opens (or creates) its event secret and reports calls through the real API.

const { api, database } = useTestApi();
const { owner } = database;
const records = useTestRecords(owner);
const simulator = fileURLToPath(new URL("../../src/cli/simulate-calls.ts", import.meta.url));

function simulate(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [simulator, "--api", api.url, ...args], {
      env: {
        // eslint-disable-next-line no-restricted-properties -- the child inherits PATH etc., as npm start's children do
        ...process.env,
        DATABASE_APP_URL: database.urls.appUrl,
        SIGAP_SECRET_KEYS: testSecretKeys,
      },
    });
    let output = "";
    for (const stream of [child.stdout, child.stderr])
      stream.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      resolve({ code, output });
    });
  });
}

async function callsOf(tenant: TestTenant) {
  return owner.sql<{ state: string; n: number }[]>`
    select state::text, count(*)::int as n from calls where tenant_id = ${tenant.id} group by state order by state`;
}

describe("the call simulator", () => {
  it("adds days of past calls once, through the signed event route", async () => {
    const { tenant } = await arrangeTrunk(api.url, owner, records);
    const first = await simulate([tenant.slug, "--history-days", "2", "--per-day", "30"]);
    expect(first).toMatchObject({
      code: 0,
      output: expect.stringContaining("calls over 2 days added") as unknown,
    });
    const states = await callsOf(tenant);
    expect(states.map((row) => row.state)).toEqual(expect.arrayContaining(["abandoned", "ended"]));
    expect(states.every((row) => row.state === "abandoned" || row.state === "ended")).toBe(true);
    const total = states.reduce((sum, row) => sum + row.n, 0);
    expect(total).toBeGreaterThan(30);
    // Answered history is closed as its operators would have; unanswered calls are never classified.
    const [classes] = await owner.sql<
      { answered: number; classified: number; unanswered_classified: number }[]
    >`
      select count(*) filter (where answered_at is not null)::int as answered,
             count(*) filter (where answered_at is not null and classification is not null)::int as classified,
             count(*) filter (where answered_at is null and classification is not null)::int as unanswered_classified
        from calls where tenant_id = ${tenant.id}`;
    expect(classes?.classified).toBe(classes?.answered);
    expect(classes?.unanswered_classified).toBe(0);

    const again = await simulate([tenant.slug, "--history-days", "2"]);
    expect(again).toMatchObject({
      code: 0,
      output: expect.stringContaining("no history added") as unknown,
    });
    expect(await callsOf(tenant)).toEqual(states);
  });

  it("gives a trunk without an event secret one, audited, and never replaces an existing one", async () => {
    const { tenant, trunkId } = await arrangeTrunk(api.url, owner, records);
    await owner.sql`update phone_trunks set event_secret_encrypted = null where id = ${trunkId}`;
    expect((await simulate([tenant.slug, "--history-days", "1", "--per-day", "10"])).code).toBe(0);
    const [sealed] = await owner.sql<
      { secret: string | null }[]
    >`select event_secret_encrypted as secret from phone_trunks where id = ${trunkId}`;
    expect(sealed?.secret).toEqual(expect.any(String));
    const audit =
      await owner.sql`select 1 from audit_log where tenant_id = ${tenant.id} and action = 'trunks.rotateEventSecret' and actor_role = 'system'`;
    expect(audit).toHaveLength(1);

    await owner.sql`delete from calls where tenant_id = ${tenant.id}`;
    expect((await simulate([tenant.slug, "--history-days", "1", "--per-day", "10"])).code).toBe(0);
    const [kept] = await owner.sql<
      { secret: string | null }[]
    >`select event_secret_encrypted as secret from phone_trunks where id = ${trunkId}`;
    expect(kept?.secret).toBe(sealed?.secret);
  });

  it("says what is wrong when the tenant does not exist or has no trunk, and exits 1", async () => {
    expect(await simulate(["no-such-region", "--history-days", "1"])).toMatchObject({
      code: 1,
      output: expect.stringContaining('no tenant "no-such-region"') as unknown,
    });
    const bare = await arrangeTrunk(api.url, owner, records);
    await owner.sql`update phone_trunks set status = 'disabled' where id = ${bare.trunkId}`;
    expect(await simulate([bare.tenant.slug])).toMatchObject({
      code: 1,
      output: expect.stringContaining("has no active trunk with a DID") as unknown,
    });
  });
});
