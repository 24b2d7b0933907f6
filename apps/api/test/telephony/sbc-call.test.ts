import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@sigap/dev/free-port";
import { calls } from "@sigap/db/schema";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { testClient } from "../client.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { createTestPerson } from "../people.ts";
import { arrangeTrunk } from "./fixture.ts";
import { sampleTrunkInput } from "./sample-trunk.ts";
import { sbcDirectory, startKamailio, writeSbcFiles } from "./sbc.ts";
import { openCaller, openSeat } from "./sip.ts";
import type { SbcFiles } from "../../src/telephony/kamailio-sbc.ts";

// The SBC path for real: the platform generates the SBC's configuration, Kamailio runs it, a
// caller dials a region's number from the trunk's address, a seat answers; the call must reach
// that region's calls through signed events and end as it ended.

const { api, database } = useTestApi();
const records = useTestRecords(database.owner);
let sbc: Awaited<ReturnType<typeof startKamailio>> | undefined;
let seat: Awaited<ReturnType<typeof openSeat>>;
let region: Awaited<ReturnType<typeof arrangeTrunk>>;
let sipPort: number;
/** The seat turns this caller down (486 Busy Here). */
const busyCaller = "081211112222";

beforeAll(async () => {
  region = await arrangeTrunk(api.url, database.owner, records);
  await region.call("update", {
    trunkId: region.trunkId,
    ...sampleTrunkInput,
    auth: { kind: "ip_allow_list", addresses: ["127.0.0.1"] },
  });
  seat = await openSeat("kursi-7", { busyFor: [busyCaller] });
  await region.call("setDestination", { destination: `sip:112@${seat.endpoint.hostPort}` });

  const staff = await createTestPerson(database.owner, {
    platformRole: "platform_admin",
    signedIn: true,
  });
  records.people.push(staff);
  sipPort = await freePort();
  const directory = await sbcDirectory();
  const input = {
    sipAddress: "127.0.0.1",
    sipPort,
    eventUrl: `${api.url}/v1/telephony/events`,
    directory,
  };
  const reply = await testClient(api.url, { cookie: staff.cookie }).call(
    "mutation",
    "telephony.sbcConfig",
    input,
  );
  if (reply.status !== 200)
    throw new Error(`telephony.sbcConfig: ${String(reply.status)} ${JSON.stringify(reply.error)}`);
  sbc = await startKamailio(
    await writeSbcFiles(directory, (reply.data as { files: SbcFiles }).files),
    directory,
    sipPort,
  );
});

afterAll(async () => {
  await sbc?.stop();
  seat.endpoint.close();
});

/** The region's calls, read as the API reads them: in its own transaction, under row-level security. */
const callsOfRegion = () =>
  withTenant(database.app.db, asTenantId(region.tenant.id), (tx) => tx.select().from(calls));

describe("a call through the platform's SBC", () => {
  it("rings the region's seat and reaches the region's calls, answered by that seat and ended", async () => {
    const caller = await openCaller("081234567890");
    try {
      // Carriers deliver the national form; the region holds the number in E.164.
      const answer = await caller.invite(region.did.replace(/^\+62/, "0"), sipPort);
      expect(answer.status).toBe(200);
      caller.ack(sipPort);
      expect((await caller.bye(sipPort)).status).toBe(200);
    } finally {
      caller.endpoint.close();
    }
    expect(seat.requests.map((request) => request.method)).toEqual(
      expect.arrayContaining(["INVITE", "BYE"]),
    );

    await expect
      .poll(
        async () =>
          (await callsOfRegion()).find(
            (call) => call.externalCallId === caller.callId && call.state === "ended",
          ),
        { timeout: 10_000 },
      )
      .toMatchObject({
        did: region.did,
        callerNumber: "+6281234567890",
        answeredBySeat: "kursi-7",
        state: "ended",
      });
    const [call] = (await callsOfRegion()).filter((row) => row.externalCallId === caller.callId);
    expect(call?.answeredAt).not.toBeNull();
    expect(call?.endedAt).not.toBeNull();
  });

  it("reports a call the seat turns down before answering as abandoned", async () => {
    const caller = await openCaller(busyCaller);
    try {
      expect((await caller.invite(region.did, sipPort)).status).toBe(486);
    } finally {
      caller.endpoint.close();
    }
    await expect
      .poll(
        async () =>
          (await callsOfRegion()).find(
            (call) => call.externalCallId === caller.callId && call.state === "abandoned",
          ),
        { timeout: 10_000 },
      )
      .toMatchObject({ answeredBySeat: null, answeredAt: null, callerNumber: "+6281211112222" });
  });

  it("refuses an INVITE from a source outside the trunk's allow-list with 403, and no call appears", async () => {
    const before = (await callsOfRegion()).length;
    const stranger = await openCaller("081298765432", "127.0.0.2");
    try {
      expect((await stranger.invite(region.did, sipPort)).status).toBe(403);
    } finally {
      stranger.endpoint.close();
    }
    expect(
      (await callsOfRegion()).filter((call) => call.externalCallId === stranger.callId),
    ).toEqual([]);
    expect((await callsOfRegion()).length).toBe(before);
  });
});
