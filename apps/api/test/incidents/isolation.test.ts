import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asTenantId, withTenant } from "@sigap/tenancy";
import {
  incidentAssignments,
  incidents,
  incidentTimeline,
  notificationDeliveries,
} from "@sigap/db/schema";
import { readResponderLinkToken, responderLinkToken } from "../../src/incidents/responder-link.ts";
import { testClient } from "../client.ts";
import { openSse } from "../sse.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { testConfig } from "../server.ts";
import { arrangeRegion, ok, tenantClient, type Region } from "./fixture.ts";

// One region's incidents, assignments and responder links open nothing of another region's, and a
// responder link opens its one assignment and nothing else.

const { api, database } = useTestApi();
const { owner, app } = database;
const records = useTestRecords(owner);

interface Detail {
  assignments: { id: string; agencyName: string; responderLink: string | null }[];
}

let north: Region;
let south: Region;
let fire: {
  incidentId: string;
  damkar: { id: string; link: string };
  psc: { id: string; link: string };
};

beforeAll(async () => {
  [north, south] = await Promise.all([
    arrangeRegion(api.url, owner, records),
    arrangeRegion(api.url, owner, records),
  ]);
  const { incidentId } = await ok(
    north.operator.call<{ incidentId: string }>("mutation", "incidents.create", {
      origin: "walk_in",
      types: ["fire.building"],
      flags: ["people_trapped"],
      casualties: 1,
    }),
  );
  const proposal = await ok(
    north.operator.call<{ lines: { agencyId: string; role: string; lead: boolean }[] }>(
      "query",
      "incidents.proposal",
      { incidentId },
    ),
  );
  await ok(
    north.operator.call("mutation", "incidents.dispatch", {
      incidentId,
      agencies: proposal.lines.map(({ agencyId, role, lead }) => ({ agencyId, role, lead })),
    }),
  );
  const seen = await ok(north.operator.call<Detail>("query", "incidents.detail", { incidentId }));
  const pick = (name: string) => {
    const assignment = seen.assignments.find((candidate) => candidate.agencyName === name);
    if (!assignment?.responderLink) throw new Error(`no link for ${name}`);
    return { id: assignment.id, link: assignment.responderLink };
  };
  fire = { incidentId, damkar: pick("Damkar Kota"), psc: pick("PSC 119 Dinkes") };
});
afterAll(async () => {
  await Promise.all([north.receiver.close(), south.receiver.close()]);
});

const tokenOf = (link: string) => link.split("/respond/")[1] ?? "";

describe("another region's operator", () => {
  it("can neither see, dispatch, change nor report on the incident", async () => {
    const input = { incidentId: fire.incidentId };
    expect((await south.operator.call("query", "incidents.detail", input)).status).toBe(404);
    expect((await south.operator.call("query", "incidents.proposal", input)).status).toBe(404);
    expect(
      (
        await south.operator.call("mutation", "incidents.setStatus", {
          ...input,
          status: "cancelled",
          disposition: "x",
        })
      ).status,
    ).toBe(404);
    expect(
      (await south.operator.call("mutation", "incidents.addNote", { ...input, note: "x" })).status,
    ).toBe(404);
    expect(
      (
        await south.operator.call("mutation", "incidents.dispatch", {
          ...input,
          agencies: [{ agencyId: south.agencies.damkar, role: "primary" }],
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await south.operator.call("mutation", "incidents.recordReport", {
          assignmentId: fire.damkar.id,
          status: "acknowledged",
        })
      ).status,
    ).toBe(404);
    const board = await ok(
      south.operator.call<{ rows: { id: string }[] }>("query", "incidents.board", { view: "all" }),
    );
    expect(board.rows.map((row) => row.id)).not.toContain(fire.incidentId);
  });

  it("reads nothing of it even by id, under row-level security", async () => {
    const rows = await withTenant(app.db, asTenantId(south.tenant.id), async (tx) => ({
      incidents: await tx.select().from(incidents),
      assignments: await tx.select().from(incidentAssignments),
      deliveries: await tx.select().from(notificationDeliveries),
      timeline: await tx.select().from(incidentTimeline),
    }));
    expect(rows.incidents.map((row) => row.id)).not.toContain(fire.incidentId);
    expect(rows.assignments.filter((row) => row.incidentId === fire.incidentId)).toEqual([]);
    expect(rows.deliveries.filter((row) => row.incidentId === fire.incidentId)).toEqual([]);
    expect(rows.timeline.filter((row) => row.incidentId === fire.incidentId)).toEqual([]);
  });
});

describe("a responder link", () => {
  it("opens its own assignment only, and cannot be bent to another", async () => {
    const stranger = testClient(api.url);
    const opened = await stranger.call("query", "responderLink.view", {
      token: tokenOf(fire.damkar.link),
    });
    expect(opened.data).toMatchObject({
      assignment: { id: fire.damkar.id, agencyName: "Damkar Kota" },
    });

    // The same signature over another assignment's id is refused, as is a tampered signature or a made-up token.
    const claim = readResponderLinkToken(
      testConfig.secretKeys,
      tokenOf(fire.damkar.link),
      new Date(),
    );
    if (!claim) throw new Error("the link's own token does not read");
    const [, signature] = tokenOf(fire.damkar.link).split(".");
    const swapped = `${Buffer.from(`${claim.tenantId}.${fire.psc.id}.${String(Math.floor(Date.now() / 1000) + 3600)}.k1`).toString("base64url")}.${String(signature)}`;
    const tampered = `${tokenOf(fire.damkar.link).slice(0, -4)}AAAA`;
    for (const token of [swapped, tampered, "bm90LWEtdG9rZW4.c2lnbmF0dXJl"]) {
      const refused = await stranger.call("query", "responderLink.view", { token });
      expect(refused.status).toBe(404);
      expect(
        (await stranger.call("mutation", "responderLink.report", { token, status: "done" })).status,
      ).toBe(404);
    }
  });

  it("expires", async () => {
    const expired = responderLinkToken(
      testConfig.secretKeys,
      { tenantId: north.tenant.id, assignmentId: fire.damkar.id },
      new Date(Date.now() - 1000),
    );
    expect(
      (await testClient(api.url).call("query", "responderLink.view", { token: expired })).status,
    ).toBe(404);
  });

  it("signed for another region's assignment id opens nothing in this region", async () => {
    // A valid signature claiming the north assignment under the south tenant: RLS finds nothing.
    const crossed = responderLinkToken(
      testConfig.secretKeys,
      { tenantId: south.tenant.id, assignmentId: fire.damkar.id },
      new Date(Date.now() + 60_000),
    );
    expect(
      (await testClient(api.url).call("query", "responderLink.view", { token: crossed })).status,
    ).toBe(404);
  });
});

describe("an agency responder", () => {
  it("sees and reports on their own agency's assignments only", async () => {
    const responder = await tenantClient(api.url, owner, records, north.tenant, "agency_responder");
    // The test person came with an agency of its own; bind them to PSC 119 instead.
    await owner.sql`update memberships set agency_id = ${north.agencies.psc119} where user_id = ${responder.person.id}`;
    const mine = await ok(responder.call<{ assignmentId: string }[]>("query", "incidents.mine"));
    expect(mine.map((row) => row.assignmentId)).toEqual([fire.psc.id]);
    expect(
      (
        await responder.call("mutation", "incidents.report", {
          assignmentId: fire.damkar.id,
          status: "acknowledged",
        })
      ).status,
    ).toBe(404);
    await ok(
      responder.call("mutation", "incidents.report", {
        assignmentId: fire.psc.id,
        status: "en_route",
        note: "Ambulans 2 berangkat",
      }),
    );
    expect(
      (await responder.call("query", "incidents.detail", { incidentId: fire.incidentId })).status,
    ).toBe(403);
  });

  it("hears live of changes to their agency's assignments, and of nothing else in the region", async () => {
    const responder = await tenantClient(api.url, owner, records, north.tenant, "agency_responder");
    await owner.sql`update memberships set agency_id = ${north.agencies.psc119} where user_id = ${responder.person.id}`;
    const stream = await openSse(
      api.url,
      "incidents.mineLive",
      JSON.stringify({ tenantSlug: north.tenant.slug }),
      { cookie: responder.raw.cookie },
    );
    try {
      expect(stream.status).toBe(200);
      expect((await stream.next()).data).toEqual({ changed: false });
      // An incident PSC 119 is not sent to: not a word of it.
      await ok(
        north.operator.call("mutation", "incidents.create", {
          origin: "walk_in",
          types: ["public_order.noise"],
        }),
      );
      await expect(stream.next(1500)).rejects.toThrow(/no event/);
      // A note on the fire PSC 119 is sent to: the page reads again.
      await ok(
        north.operator.call("mutation", "incidents.addNote", {
          incidentId: fire.incidentId,
          note: "Akses dari Jl. Melati",
        }),
      );
      expect((await stream.next()).data).toEqual({ changed: true });
    } finally {
      stream.close();
    }
    // An operator has no responder's stream.
    const operator = await tenantClient(api.url, owner, records, north.tenant, "operator");
    const operatorStream = await openSse(
      api.url,
      "incidents.mineLive",
      JSON.stringify({ tenantSlug: north.tenant.slug }),
      { cookie: operator.raw.cookie },
    );
    try {
      expect((await operatorStream.next()).type).toBe("serialized-error");
    } finally {
      operatorStream.close();
    }
  });
});
