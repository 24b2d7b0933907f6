import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TestTenant } from "@sigap/tenancy/testing";
import { testClient } from "../client.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { createTestPerson } from "../people.ts";
import { openSse } from "../sse.ts";
import { arrangeTrunk, postTelephony, telephonyEvent } from "../telephony/fixture.ts";

// The call-taker's desk: an operator sits at a seat, the calls that seat answers wait for their
// classification, and closing one records what it was (an emergency opens an incident; a call for
// another region is handed over to it when that region is on the platform).

const { api, database } = useTestApi();
const { owner } = database;
const records = useTestRecords(owner);

async function deskClient(
  tenant: TestTenant,
  role: "operator" | "supervisor" | "agency_responder" = "operator",
) {
  const person = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role }],
    signedIn: true,
  });
  records.people.push(person);
  const client = testClient(api.url, { cookie: person.cookie });
  return {
    person,
    call: (type: "query" | "mutation", path: string, input: Record<string, unknown> = {}) =>
      client.call(type, `callDesk.${path}`, { tenantSlug: tenant.slug, ...input }),
  };
}

type Region = Awaited<ReturnType<typeof arrangeTrunk>>;

/** A call from `caller` that rings now and is answered at `seat` (and ended, when `ended`); its id in the tenant. */
async function answeredCall(
  region: Region,
  seat: string,
  options: { caller?: string; ended?: boolean } = {},
): Promise<string> {
  const externalId = randomUUID();
  const now = Date.now();
  const at = (seconds: number) => ({
    occurredAt: new Date(now + seconds * 1000).toISOString(),
    caller: options.caller ?? "0812-3456-7890",
  });
  const events = [
    telephonyEvent(region.did, externalId, "call.offered", 0, at(0)),
    telephonyEvent(region.did, externalId, "call.answered", 0, { ...at(1), seat }),
    ...(options.ended ? [telephonyEvent(region.did, externalId, "call.ended", 0, at(2))] : []),
  ];
  const posted = await postTelephony(api.url, { events }, region.secret);
  expect(posted.status).toBe(200);
  const [row] = await owner.sql<
    { id: string }[]
  >`select id from calls where tenant_id = ${region.tenant.id} and external_call_id = ${externalId}`;
  if (!row) throw new Error("the call was not recorded");
  return row.id;
}

describe("operator seats", () => {
  it("seats an operator, refuses a taken seat naming its holder, and lets the operator move and stand up, audited", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const [ani, budi] = [await deskClient(region.tenant), await deskClient(region.tenant)];

    expect((await ani.call("mutation", "takeSeat", { seat: "meja-1" })).status).toBe(200);
    const refused = await budi.call("mutation", "takeSeat", { seat: "meja-1" });
    expect(refused.status).toBe(409);
    expect(refused.issues).toMatchObject([
      { path: "seat", message: expect.stringContaining(ani.person.displayName) as unknown },
    ]);

    expect((await ani.call("mutation", "takeSeat", { seat: "meja-2" })).status).toBe(200);
    expect((await budi.call("mutation", "takeSeat", { seat: "meja-1" })).status).toBe(200);
    const seats = (await budi.call("query", "seat")).data as {
      mine: { seat: string } | null;
      occupied: { seat: string; you: boolean }[];
    };
    expect(seats.mine?.seat).toBe("meja-1");
    expect(seats.occupied.map(({ seat, you }) => [seat, you])).toEqual([
      ["meja-1", true],
      ["meja-2", false],
    ]);

    expect((await ani.call("mutation", "leaveSeat")).status).toBe(200);
    expect((await ani.call("mutation", "leaveSeat")).status).toBe(404);
    const audit = await owner.sql<
      { action: string }[]
    >`select action from audit_log where tenant_id = ${region.tenant.id} and actor_user_id = ${ani.person.id} order by occurred_at, action`;
    expect(audit.map((row) => row.action)).toEqual([
      "calls.takeSeat",
      "calls.takeSeat",
      "calls.leaveSeat",
    ]);
  });

  it("names the field of a malformed seat", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const ani = await deskClient(region.tenant);
    const refused = await ani.call("mutation", "takeSeat", { seat: "meja 1; drop" });
    expect(refused.status).toBe(400);
    expect(refused.issues?.map((issue) => issue.path)).toMatchObject(["seat"]);
  });
});

describe("closing a call", () => {
  it("lists the calls my seat answered until each is classified, and tells the live queue", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const ani = await deskClient(region.tenant);
    await ani.call("mutation", "takeSeat", { seat: "meja-7" });
    const callId = await answeredCall(region, "meja-7", { ended: true });
    await answeredCall(region, "meja-8", { ended: true });

    const mine = (await ani.call("query", "mine")).data as { id: string }[];
    expect(mine.map((call) => call.id)).toEqual([callId]);

    const stream = await openSse(
      api.url,
      "calls.live",
      JSON.stringify({ tenantSlug: region.tenant.slug }),
      { cookie: ani.person.cookie },
    );
    try {
      await stream.next();
      const closed = await ani.call("mutation", "classify", { callId, classification: "silent" });
      expect(closed.status).toBe(200);
      const change = (await stream.next()).data as { call: { id: string; classification: string } };
      expect(change.call).toMatchObject({ id: callId, classification: "silent" });
    } finally {
      stream.close();
    }
    expect((await ani.call("query", "mine")).data).toEqual([]);
    const again = await ani.call("mutation", "classify", { callId, classification: "prank" });
    expect(again.status).toBe(409);
  });

  it("refuses to close a ringing call, and names what an emergency or a wrong-region call lacks", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const ani = await deskClient(region.tenant);
    const externalId = randomUUID();
    await postTelephony(
      api.url,
      telephonyEvent(region.did, externalId, "call.offered", 0, {
        occurredAt: new Date().toISOString(),
      }),
      region.secret,
    );
    const [ringing] = await owner.sql<
      { id: string }[]
    >`select id from calls where tenant_id = ${region.tenant.id} and external_call_id = ${externalId}`;
    expect(
      (await ani.call("mutation", "classify", { callId: ringing?.id, classification: "prank" }))
        .status,
    ).toBe(409);

    const callId = await answeredCall(region, "meja-1");
    const fieldsOf = async (input: Record<string, unknown>) =>
      (await ani.call("mutation", "classify", { callId, ...input })).issues?.map(
        (issue) => issue.path,
      );
    expect(await fieldsOf({ classification: "emergency" })).toEqual(["incidentTypes"]);
    expect(
      await fieldsOf({ classification: "emergency", incidentTypes: ["fire.nonsense"] }),
    ).toEqual(["incidentTypes.0"]);
    expect(await fieldsOf({ classification: "wrong_region" })).toEqual(["wrongRegionCode"]);
    expect(
      await fieldsOf({ classification: "wrong_region", wrongRegionCode: region.tenant.regionCode }),
    ).toEqual(["wrongRegionCode"]);
    expect(
      await fieldsOf({ classification: "prank", location: { latitude: 51.5, longitude: -0.1 } }),
    ).toEqual(["location.latitude", "location.longitude"]);
    // Another region's kecamatan (the test's region is drawn at random, so no fixed code will do).
    const [elsewhere] = await owner.sql<
      { code: string }[]
    >`select code from districts where regency_code <> ${region.tenant.regionCode} limit 1`;
    expect(
      await fieldsOf({
        classification: "information",
        location: { kecamatanCode: elsewhere?.code },
      }),
    ).toEqual(["location.kecamatanCode"]);
    const [still] =
      await owner.sql`select classification from calls where tenant_id = ${region.tenant.id} and id = ${callId}`;
    expect(still?.classification).toBeNull();
  });

  it("opens an incident for an emergency, with its types, the operator's location and the call attached", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const ani = await deskClient(region.tenant);
    const callId = await answeredCall(region, "meja-1");
    const location = {
      latitude: -7.45,
      longitude: 112.71,
      kecamatanCode: null,
      address: "Jl. Raya Buduran depan pasar",
    };
    const closed = await ani.call("mutation", "classify", {
      callId,
      classification: "emergency",
      incidentTypes: ["traffic_accident", "fire.vehicle"],
      note: "Tabrakan, satu mobil terbakar",
      location,
    });
    expect(closed.status, JSON.stringify(closed.error)).toBe(200);
    const { incidentId } = closed.data as { incidentId: string };
    const [incident] =
      await owner.sql`select types, status, location, description, created_by from incidents where tenant_id = ${region.tenant.id} and id = ${incidentId}`;
    expect(incident).toMatchObject({
      status: "new",
      location,
      description: "Tabrakan, satu mobil terbakar",
      created_by: ani.person.id,
    });
    expect(incident?.types).toEqual(["traffic_accident", "fire.vehicle"]);
    const [call] =
      await owner.sql`select incident_id, operator_location from calls where tenant_id = ${region.tenant.id} and id = ${callId}`;
    expect(call).toMatchObject({ incident_id: incidentId, operator_location: location });
  });

  it("hands a wrong-region call over to that region's queue, audited on both sides", async () => {
    const [here, there] = [
      await arrangeTrunk(api.url, owner, records),
      await arrangeTrunk(api.url, owner, records),
    ];
    const ani = await deskClient(here.tenant);
    const callId = await answeredCall(here, "meja-1", { caller: "0813-1111-2222", ended: true });
    const closed = await ani.call("mutation", "classify", {
      callId,
      classification: "wrong_region",
      wrongRegionCode: there.tenant.regionCode,
      note: "Kebakaran di wilayah sebelah",
    });
    expect(closed.status, JSON.stringify(closed.error)).toBe(200);
    expect(
      (closed.data as { handover: { tenantName: string | null } }).handover.tenantName,
    ).not.toBeNull();

    const theirs = await deskClient(there.tenant);
    const stream = await openSse(
      api.url,
      "calls.live",
      JSON.stringify({ tenantSlug: there.tenant.slug }),
      { cookie: theirs.person.cookie },
    );
    let handedOver:
      | {
          id: string;
          callerNumber: string;
          handedOverFrom: { callId: string; note: string } | null;
        }
      | undefined;
    try {
      const queue = (await stream.next()).data as { calls: NonNullable<typeof handedOver>[] };
      handedOver = queue.calls.find((call) => call.handedOverFrom !== null);
    } finally {
      stream.close();
    }
    expect(handedOver).toMatchObject({
      callerNumber: "+6281311112222",
      handedOverFrom: { callId, note: "Kebakaran di wilayah sebelah" },
    });
    const audits = await owner.sql<{ tenant_id: string; action: string }[]>`
      select tenant_id, action from audit_log where action in ('calls.classify', 'calls.receiveHandover') and tenant_id in (${here.tenant.id}, ${there.tenant.id}) order by action`;
    expect(audits.map((row) => [row.tenant_id, row.action])).toEqual([
      [here.tenant.id, "calls.classify"],
      [there.tenant.id, "calls.receiveHandover"],
    ]);

    // The receiving region closes it after calling back; the sending region cannot see it.
    expect(
      (
        await theirs.call("mutation", "classify", {
          callId: handedOver?.id,
          classification: "information",
        })
      ).status,
    ).toBe(200);
    expect((await ani.call("query", "detail", { callId: handedOver?.id })).status).toBe(404);
  });

  it("shows the caller's earlier calls and suggests blocking at the policy's count of pranks", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const ani = await deskClient(region.tenant);
    const caller = "0857-4444-5555";
    for (let prank = 0; prank < 2; prank++) {
      const earlier = await answeredCall(region, "meja-1", { caller, ended: true });
      expect(
        (await ani.call("mutation", "classify", { callId: earlier, classification: "prank" }))
          .status,
      ).toBe(200);
    }
    const callId = await answeredCall(region, "meja-1", { caller });
    const detail = (await ani.call("query", "detail", { callId })).data as {
      history: { classification: string }[];
      prankPolicy: { recentPranks: number; afterCalls: number; suggestBlock: boolean };
    };
    expect(detail.history.map((entry) => entry.classification)).toEqual(["prank", "prank"]);
    expect(detail.prankPolicy).toMatchObject({
      recentPranks: 2,
      afterCalls: 3,
      suggestBlock: true,
    });

    await owner.sql`insert into tenant_settings (tenant_id, key, value) values (${region.tenant.id}, 'prank_block_after_calls', '5')`;
    const stricter = (await ani.call("query", "detail", { callId })).data as {
      prankPolicy: { suggestBlock: boolean };
    };
    expect(stricter.prankPolicy.suggestBlock).toBe(false);
  });

  it("keeps one region's calls from another's call-takers, and agency responders out", async () => {
    const [here, there] = [
      await arrangeTrunk(api.url, owner, records),
      await arrangeTrunk(api.url, owner, records),
    ];
    const callId = await answeredCall(here, "meja-1");
    const stranger = await deskClient(there.tenant);
    expect((await stranger.call("query", "detail", { callId })).status).toBe(404);
    expect(
      (await stranger.call("mutation", "classify", { callId, classification: "prank" })).status,
    ).toBe(404);
    const responder = await deskClient(here.tenant, "agency_responder");
    expect((await responder.call("query", "detail", { callId })).status).toBe(403);
    const [call] =
      await owner.sql`select classification from calls where tenant_id = ${here.tenant.id} and id = ${callId}`;
    expect(call?.classification).toBeNull();
  });
});

describe("the region map", () => {
  it("lists the region's kecamatan, with no tile server unless one is configured", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const ani = await deskClient(region.tenant);
    const map = (await ani.call("query", "regionMap")).data as {
      regionCode: string;
      kecamatan: { code: string }[];
      tileUrl: string | null;
    };
    expect(map.regionCode).toBe(region.tenant.regionCode);
    expect(map.kecamatan.length).toBeGreaterThan(0);
    expect(
      map.kecamatan.every((kecamatan) => kecamatan.code.startsWith(`${region.tenant.regionCode}.`)),
    ).toBe(true);
    expect(map.tileUrl).toBeNull();
  });
});
