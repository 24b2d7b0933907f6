import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { recordDemoIncidents } from "../../src/incidents/demo-history.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { arrangeRegion, type Region } from "./fixture.ts";

// The demo region's past emergencies become incidents planned by its published SOP and followed to
// their end, so a fresh `npm start` shows dispatched, acknowledged and closed incidents.

const { api, database } = useTestApi();
const { owner, app } = database;
const records = useTestRecords(owner);

let region: Region;
beforeAll(async () => {
  region = await arrangeRegion(api.url, owner, records);
});
afterAll(async () => {
  await region.receiver.close();
});

/** The same numbers every run: the test checks what history looks like, not luck. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("demo incident history", () => {
  it("turns past emergency calls into incidents: old ones finished, the last hours' still worked", async () => {
    const trunkId = randomUUID();
    const now = new Date();
    const hoursAgo = [72, 50, 30, 26, 0.5, 0.25];
    for (const hours of hoursAgo) {
      const at = new Date(now.getTime() - hours * 3_600_000).toISOString();
      await owner.sql`insert into calls (tenant_id, trunk_id, external_call_id, did, state, offered_at, answered_at, ended_at, classification, classified_at)
        values (${region.tenant.id}, ${trunkId}, ${randomUUID()}, '+62311120001', 'ended', ${at}, ${at}, ${at}, 'emergency', ${at})`;
    }
    const recorded = await withTenant(app.db, asTenantId(region.tenant.id), (tx) =>
      recordDemoIncidents(tx, region.tenant.id, trunkId, now, seeded(7)),
    );
    expect(recorded).toBe(hoursAgo.length);

    const incidents = await owner.sql<
      {
        id: string;
        status: string;
        created_at: string;
        assignments: number;
        unacknowledged: number;
        kinds: string[];
      }[]
    >`
      select i.id, i.status::text, i.created_at,
             (select count(*)::int from incident_assignments a where a.incident_id = i.id) as assignments,
             (select count(*)::int from incident_assignments a where a.incident_id = i.id and a.acknowledged_at is null) as unacknowledged,
             (select array_agg(kind order by at, kind) from incident_timeline t where t.incident_id = i.id) as kinds
        from incidents i join calls c on c.incident_id = i.id and c.tenant_id = i.tenant_id
       where i.tenant_id = ${region.tenant.id} and c.trunk_id = ${trunkId} order by i.created_at`;
    expect(incidents).toHaveLength(hoursAgo.length);
    for (const incident of incidents) {
      expect(incident.assignments).toBeGreaterThan(0);
      expect(incident.kinds.slice(0, 2)).toEqual(["created", "dispatched"]);
    }
    const old = incidents.filter(
      (incident) => now.getTime() - new Date(incident.created_at).getTime() > 2 * 3_600_000,
    );
    expect(
      old.every((incident) => incident.status === "closed" || incident.status === "cancelled"),
    ).toBe(true);
    expect(
      old
        .filter((incident) => incident.status === "closed")
        .every(
          (incident) => incident.unacknowledged === 0 && incident.kinds.at(-1) === "status_changed",
        ),
    ).toBe(true);
    const recent = incidents.filter((incident) => !old.includes(incident));
    expect(
      recent.every(
        (incident) => incident.status === "dispatched" || incident.status === "in_progress",
      ),
    ).toBe(true);

    // The region was given the standard agency set it lacked, and a second run records nothing again.
    const [agencies] = await owner.sql<
      { n: number }[]
    >`select count(*)::int as n from agencies where tenant_id = ${region.tenant.id}`;
    expect(agencies?.n).toBeGreaterThanOrEqual(16);
    expect(
      await withTenant(app.db, asTenantId(region.tenant.id), (tx) =>
        recordDemoIncidents(tx, region.tenant.id, trunkId, now, seeded(7)),
      ),
    ).toBe(0);
  });
});
