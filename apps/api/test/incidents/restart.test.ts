import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "@sigap/db/client";
import { prepareDatabase, type PreparedDatabase } from "@sigap/dev/database";
import { freePort } from "@sigap/dev/free-port";
import { startTestApi } from "../server.ts";
import {
  arrangeRegion,
  eventually,
  ok,
  startIncidentWorker,
  workerConfig,
  type Region,
} from "./fixture.ts";

// Postgres restarted while operators dispatch: every dispatch the API confirmed survives with its
// assignments and notification jobs, every other one is there whole or not at all and was refused
// as "try again" (503), the API serves again once Postgres is back, and each dispatched agency is
// notified once. This file runs its own
// Postgres, since restarting the run's shared one would fail every other file's tests.

interface Proposal {
  lines: { agencyId: string; role: string; lead: boolean }[];
}

let dataRoot: string;
let port: number;
let postgres: PreparedDatabase;
let owner: ReturnType<typeof createDatabase>;
let api: Awaited<ReturnType<typeof startTestApi>>;
let region: Region;

const createFire = async () =>
  (
    await ok(
      region.operator.call<{ incidentId: string }>("mutation", "incidents.create", {
        origin: "radio",
        types: ["fire.building"],
        flags: ["people_trapped"],
      }),
    )
  ).incidentId;

describe("a Postgres restart during dispatch", () => {
  const startPostgres = () =>
    prepareDatabase({
      external: undefined,
      dataDir: join(dataRoot, "data"),
      port,
      persistent: true,
    });

  beforeAll(async () => {
    dataRoot = await mkdtemp(join(tmpdir(), "sigap-restart-pg-"));
    port = await freePort();
    postgres = await startPostgres();
    owner = createDatabase(postgres.ownerUrl, { max: 2 });
    api = await startTestApi(postgres.appUrl);
    region = await arrangeRegion(api.url, owner, { tenants: [], people: [] });
  }, 120_000);
  afterAll(async () => {
    await region.receiver.close();
    await api.close();
    await owner.close();
    await postgres.stop();
    await rm(dataRoot, { recursive: true, force: true });
  });

  it("loses no dispatch the API confirmed and half-writes none", { timeout: 120_000 }, async () => {
    const incidents = await Promise.all(Array.from({ length: 16 }, createFire));
    const proposal = await ok(
      region.operator.call<Proposal>("query", "incidents.proposal", { incidentId: incidents[0] }),
    );
    const agencies = proposal.lines.map(({ agencyId, role, lead }) => ({ agencyId, role, lead }));
    const dispatch = async (incidentId: string) =>
      (await region.operator.call("mutation", "incidents.dispatch", { incidentId, agencies }))
        .status;

    // Three before; then, a few tenths of a second apart, while Postgres stops, is down, starts
    // and is migrated again; the rest after.
    const answers = new Map<string, number>();
    for (const incidentId of incidents.slice(0, 3))
      answers.set(incidentId, await dispatch(incidentId));
    const postgresState = { restarting: true };
    const restarted = (async () => {
      await postgres.stop();
      postgres = await startPostgres();
    })().finally(() => {
      postgresState.restarting = false;
    });
    for (const incidentId of incidents.slice(3)) {
      answers.set(incidentId, await dispatch(incidentId));
      if (postgresState.restarting)
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 300));
    }
    await restarted;

    expect([...answers.values()].slice(0, 3)).toEqual([200, 200, 200]);
    for (const status of answers.values())
      expect(status, "refused while Postgres was away: try again, not an internal error").toBeOneOf(
        [200, 503],
      );
    // Back up, the operator tries again what was refused: it goes through, or was in fact committed.
    await eventually(
      () => region.operator.call("query", "incidents.board", {}),
      (reply) => reply.status === 200,
      30_000,
    );
    for (const [incidentId, status] of answers) {
      if (status !== 200) expect([200, 409]).toContain(await dispatch(incidentId));
    }

    const facts = await owner.sql<
      { id: string; status: string; assignments: number; deliveries: number; jobs: number }[]
    >`
      select i.id, i.status,
             (select count(*)::int from incident_assignments a where a.tenant_id = i.tenant_id and a.incident_id = i.id) as assignments,
             (select count(*)::int from notification_deliveries d where d.tenant_id = i.tenant_id and d.incident_id = i.id) as deliveries,
             (select count(*)::int from pgboss.job j where j.name = 'incidents.notify'
                 and j.data->>'deliveryId' in (select d.id::text from notification_deliveries d where d.tenant_id = i.tenant_id and d.incident_id = i.id)) as jobs
        from incidents i where i.tenant_id = ${region.tenant.id} and i.id = any(${incidents})`;
    for (const incident of facts) {
      expect(incident, "dispatched with its assignments, deliveries and jobs").toMatchObject({
        status: "dispatched",
        deliveries: 1,
        jobs: 1,
      });
      expect(incident.assignments).toBe(agencies.length);
    }

    // Each dispatched incident's webhook arrives once, whatever happened to the first attempt.
    const worker = await startIncidentWorker(postgres.appUrl, workerConfig(region.receiver));
    try {
      const notified = () => {
        const ids = region.receiver.received
          .filter((hook) => hook.status < 300)
          .map((hook) => (JSON.parse(hook.body) as { incident: { id: string } }).incident.id);
        return Promise.resolve(ids);
      };
      const ids = await eventually(notified, (seen) => seen.length >= incidents.length, 30_000);
      expect([...ids].sort()).toEqual([...incidents].sort());
    } finally {
      await worker.stop();
    }
  });
});
