import { describe, expect, it } from "vitest";
import type { TestTenant } from "@sigap/tenancy/testing";
import { testClient } from "../client.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { freshDid } from "../numbers.ts";
import { createTestPerson } from "../people.ts";
import { arrangeTrunk as arrangeTrunkOf, postTelephony, telephonyEvent } from "./fixture.ts";

const { api, database } = useTestApi();
const { owner } = database;
const records = useTestRecords(owner);
const { tenants, people } = records;

const arrangeTrunk = () => arrangeTrunkOf(api.url, owner, records);
const post = (body: unknown, secret: string, options: { at?: number; signature?: string } = {}) =>
  postTelephony(api.url, body, secret, options);
const event = telephonyEvent;

/** The call as stored, its times as Dates (Drizzle leaves the shared client's timestamps as text). */
async function callOf(tenant: TestTenant, externalCallId: string) {
  const rows = await owner.sql<Record<string, unknown>[]>`
    select state, caller_number, answered_by_seat, offered_at, answered_at, ended_at, transferred_to, location
      from calls where tenant_id = ${tenant.id} and external_call_id = ${externalCallId}`;
  const time = (value: unknown) => (typeof value === "string" ? new Date(value) : value);
  return rows.map((row) => ({
    ...row,
    offered_at: time(row.offered_at),
    answered_at: time(row.answered_at),
    ended_at: time(row.ended_at),
  }));
}

const eventCount = async (tenant: TestTenant) =>
  Number(
    (
      await owner.sql<
        { n: string }[]
      >`select count(*) as n from call_events where tenant_id = ${tenant.id}`
    )[0]?.n,
  );

async function refusedFor(did: string) {
  return owner.sql<{ reason: string; detail: string }[]>`
    select reason, detail from refused_telephony_events where ${did} = any(dids) order by received_at`;
}

describe("telephony events: a call's life", () => {
  it("follows a call from offered to ended, with the caller in E.164 and the device location", async () => {
    const { tenant, did, secret } = await arrangeTrunk();
    const location = {
      latitude: -7.4478,
      longitude: 112.7183,
      accuracyMeters: 12,
      fixedAt: "2026-12-04T08:00:01+07:00",
      positioningMethod: "gnss",
    };
    for (const step of [
      event(did, "sip-1", "call.offered", 0, { location }),
      event(did, "sip-1", "call.answered", 4),
      event(did, "sip-1", "call.ended", 60),
    ]) {
      const reply = await post(step, secret);
      expect(reply).toMatchObject({
        status: 200,
        body: { accepted: [{ eventId: step.eventId, callId: expect.any(String) as unknown }] },
      });
    }
    expect(await callOf(tenant, "sip-1")).toEqual([
      {
        state: "ended",
        caller_number: "+6281234567890",
        answered_by_seat: "seat-3",
        offered_at: new Date(Date.UTC(2026, 11, 4, 1, 0, 0)),
        answered_at: new Date(Date.UTC(2026, 11, 4, 1, 0, 4)),
        ended_at: new Date(Date.UTC(2026, 11, 4, 1, 1, 0)),
        transferred_to: null,
        location,
      },
    ]);
  });

  it("ends in the right state whatever order the events arrive in", async () => {
    const { tenant, did, secret } = await arrangeTrunk();
    const answeredCall = [
      event(did, "late-1", "call.offered", 0),
      event(did, "late-1", "call.answered", 3),
      event(did, "late-1", "call.ended", 30),
    ];
    for (const step of answeredCall.toReversed())
      expect((await post(step, secret)).status).toBe(200);
    const abandonedCall = [
      event(did, "late-2", "call.offered", 0),
      event(did, "late-2", "call.abandoned", 20),
    ];
    for (const step of abandonedCall.toReversed())
      expect((await post(step, secret)).status).toBe(200);

    expect(await callOf(tenant, "late-1")).toMatchObject([
      {
        state: "ended",
        answered_at: new Date(Date.UTC(2026, 11, 4, 1, 0, 3)),
        offered_at: new Date(Date.UTC(2026, 11, 4, 1, 0, 0)),
      },
    ]);
    expect(await callOf(tenant, "late-2")).toMatchObject([
      {
        state: "abandoned",
        answered_at: null,
        ended_at: new Date(Date.UTC(2026, 11, 4, 1, 0, 20)),
      },
    ]);
  });

  it("answers a retried event as it did the first time and changes nothing", async () => {
    const { tenant, did, secret } = await arrangeTrunk();
    const offered = event(did, "retry-1", "call.offered", 0);
    const first = await post(offered, secret);
    const again = await post(offered, secret);
    expect(again).toEqual(first);
    expect(await eventCount(tenant)).toBe(1);
  });

  it("refuses an event id reused for a different event, naming the field", async () => {
    const { did, secret } = await arrangeTrunk();
    const offered = event(did, "reuse-1", "call.offered", 0);
    expect((await post(offered, secret)).status).toBe(200);
    const reply = await post({ ...offered, caller: "0813-0000-0000" }, secret);
    expect(reply).toMatchObject({
      status: 409,
      body: { error: { code: "CONFLICT", issues: [{ path: "eventId" }] } },
    });
  });

  it("takes several events as one batch, all committed or none", async () => {
    const { tenant, did, secret } = await arrangeTrunk();
    const batch = [
      event(did, "batch-1", "call.offered", 0),
      event(did, "batch-1", "call.transferred", 5, { transferredTo: "ext-201" }),
    ];
    const reply = await post({ events: batch }, secret);
    expect(reply.status).toBe(200);
    expect(
      (reply.body.accepted as { eventId: string }[]).map((accepted) => accepted.eventId),
    ).toEqual(batch.map((step) => step.eventId));
    expect(await callOf(tenant, "batch-1")).toMatchObject([
      { state: "answered", transferred_to: "ext-201" },
    ]);

    const broken = [
      event(did, "batch-2", "call.offered", 0),
      event(did, "batch-2", "call.ended", 5, { caller: "not a number" }),
    ];
    expect(await post({ events: broken }, secret)).toMatchObject({
      status: 400,
      body: { error: { code: "BAD_REQUEST", issues: [{ path: "events.1.caller" }] } },
    });
    expect(await callOf(tenant, "batch-2")).toEqual([]);
  });

  it("names each malformed field, and refuses text Postgres cannot store", async () => {
    const { did, secret } = await arrangeTrunk();
    const answeredWithoutSeat = { ...event(did, "bad-1", "call.answered", 0), seat: undefined };
    expect(await post(answeredWithoutSeat, secret)).toMatchObject({
      status: 400,
      body: { error: { issues: [{ path: "seat" }] } },
    });
    const farAway = event(did, "bad-2", "call.offered", 0, {
      location: {
        latitude: 123,
        longitude: 0,
        accuracyMeters: 5,
        fixedAt: "2026-12-04T08:00:00Z",
        positioningMethod: "gnss",
      },
    });
    expect(await post(farAway, secret)).toMatchObject({
      status: 400,
      body: { error: { issues: [{ path: "location.latitude" }] } },
    });
    expect(await post(event(did, "bad\u0000-3", "call.offered", 0), secret)).toMatchObject({
      status: 400,
      body: { error: { issues: [{ path: "callId" }] } },
    });
  });

  it("refuses a moment the calendar or the clock does not have, naming the field, instead of rolling it over", async () => {
    const { tenant, did, secret } = await arrangeTrunk();
    const location = (fixedAt: string) => ({
      location: {
        latitude: -7.4478,
        longitude: 112.7183,
        accuracyMeters: 12,
        fixedAt,
        positioningMethod: "gnss",
      },
    });
    for (const [step, path, why] of [
      [
        event(did, "when-1", "call.offered", 0, { occurredAt: "2026-02-30T08:00:00+07:00" }),
        "occurredAt",
        "2026-02-30 is not a day of the calendar",
      ],
      [
        event(did, "when-2", "call.offered", 0, { occurredAt: "2026-12-04T24:00:00+07:00" }),
        "occurredAt",
        "24:00 is not a time of day; write 00:00 of the next day",
      ],
      [
        event(did, "when-3", "call.offered", 0, location("2026-12-04T08:00:00+15:00")),
        "location.fixedAt",
        "+15:00 is not an offset; offsets run from -14:00 to +14:00",
      ],
    ] as const) {
      const reply = await post(step, secret);
      const message = `${path} must be an ISO-8601 date and time with an offset, e.g. 2025-08-17T21:30:00+07:00; ${why}.`;
      expect(reply, path).toMatchObject({
        status: 400,
        body: { error: { code: "BAD_REQUEST", issues: [{ path, message }] } },
      });
    }
    expect(await eventCount(tenant)).toBe(0);
  });
});

describe("telephony events: who may send them", () => {
  it("refuses a wrong or missing signature, writes nothing, and keeps the refusal", async () => {
    const { tenant, did, secret } = await arrangeTrunk();
    const offered = event(did, "forged-1", "call.offered", 0);
    expect(await post(offered, secret, { signature: "sha256=00" })).toMatchObject({
      status: 401,
      body: { error: { code: "BAD_SIGNATURE" } },
    });
    const unsigned = await fetch(`${api.url}/v1/telephony/events`, {
      method: "POST",
      body: JSON.stringify(offered),
      headers: { "content-type": "application/json" },
    });
    expect(unsigned.status).toBe(401);
    expect(await eventCount(tenant)).toBe(0);
    expect((await refusedFor(did)).map((refused) => refused.reason)).toEqual([
      "BAD_SIGNATURE",
      "BAD_SIGNATURE",
    ]);
  });

  it("refuses a timestamp more than five minutes off, even correctly signed (a replay)", async () => {
    const { tenant, did, secret } = await arrangeTrunk();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect(
      await post(event(did, "old-1", "call.offered", 0), secret, { at: sixMinutesAgo }),
    ).toMatchObject({
      status: 401,
      body: { error: { code: "STALE_TIMESTAMP" } },
    });
    expect(await eventCount(tenant)).toBe(0);
    expect((await refusedFor(did)).map((refused) => refused.reason)).toEqual(["STALE_TIMESTAMP"]);
  });

  it("refuses a number no region holds, and a disabled trunk's", async () => {
    const { did, secret, trunkId, call } = await arrangeTrunk();
    const nobodys = freshDid();
    expect(await post(event(nobodys, "lost-1", "call.offered", 0), secret)).toMatchObject({
      status: 404,
      body: { error: { code: "UNKNOWN_DID" } },
    });
    expect((await refusedFor(nobodys)).map((refused) => refused.reason)).toEqual(["UNKNOWN_DID"]);

    await call("update", { trunkId, ...(await trunkFields(trunkId)), status: "disabled" });
    expect(await post(event(did, "off-1", "call.offered", 0), secret)).toMatchObject({
      status: 403,
      body: { error: { code: "TRUNK_DISABLED" } },
    });
  });

  it("accepts both secrets during a rotation, and only the newest once it is retired", async () => {
    const { did, secret: first, rotate, trunkId, call } = await arrangeTrunk();
    const second = await rotate();
    expect((await post(event(did, "rot-1", "call.offered", 0), first)).status).toBe(200);
    expect((await post(event(did, "rot-2", "call.offered", 0), second)).status).toBe(200);

    const third = await rotate();
    expect((await post(event(did, "rot-3", "call.offered", 0), first)).status).toBe(401);
    expect((await post(event(did, "rot-4", "call.offered", 0), second)).status).toBe(200);

    expect(await call("retirePreviousEventSecret", { trunkId })).toEqual({ retired: true });
    expect((await post(event(did, "rot-5", "call.offered", 0), second)).status).toBe(401);
    expect((await post(event(did, "rot-6", "call.offered", 0), third)).status).toBe(200);
  });

  it("refuses another region's secret for this region's number: the signature is the trunk's own", async () => {
    const a = await arrangeTrunk();
    const b = await arrangeTrunk();
    expect(await post(event(a.did, "cross-1", "call.offered", 0), b.secret)).toMatchObject({
      status: 401,
      body: { error: { code: "BAD_SIGNATURE" } },
    });
    expect(await eventCount(a.tenant)).toBe(0);
    expect(await eventCount(b.tenant)).toBe(0);
  });

  it("shows refused events to platform admins only", async () => {
    const { did, secret } = await arrangeTrunk();
    await post(event(did, "seen-1", "call.offered", 0), secret, { signature: "sha256=ff" });
    const admin = await createTestPerson(owner, { platformRole: "platform_admin", signedIn: true });
    const tenantAdmin = await createTestPerson(owner, {
      memberships: [{ tenantId: tenants[0]?.id ?? "", role: "tenant_admin" }],
      signedIn: true,
    });
    people.push(admin, tenantAdmin);

    const listed = await testClient(api.url, { cookie: admin.cookie }).call(
      "query",
      "telephony.refusedEvents",
      { limit: 100 },
    );
    expect(listed.status).toBe(200);
    const rows = (listed.data as { rows: { dids: string[]; reason: string; eventIds: string[] }[] })
      .rows;
    expect(rows.find((row) => row.dids.includes(did))).toMatchObject({
      reason: "BAD_SIGNATURE",
      eventIds: [expect.any(String)],
    });

    const refused = await testClient(api.url, { cookie: tenantAdmin.cookie }).call(
      "query",
      "telephony.refusedEvents",
      {},
    );
    expect(refused.code).toBe("FORBIDDEN");
  });
});

/** The trunk's editable fields as `trunks.update` takes them. */
async function trunkFields(trunkId: string) {
  const [row] = await owner.sql<{ name: string; sip_host: string; allowed_addresses: string[] }[]>`
    select name, sip_host, allowed_addresses from phone_trunks where id = ${trunkId}`;
  if (!row) throw new Error("no such trunk");
  return {
    name: row.name,
    carrier: "telkomsel",
    sipHost: row.sip_host,
    sipPort: 5060,
    transport: "udp",
    maxChannels: 30,
    codecs: ["alaw"],
    auth: { kind: "ip_allow_list", addresses: row.allowed_addresses },
  };
}
