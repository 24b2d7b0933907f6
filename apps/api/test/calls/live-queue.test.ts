import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestTenant } from "@sigap/tenancy/testing";
import { useTestApi, useTestRecords } from "../harness.ts";
import { createTestPerson, type SignedInTestPerson } from "../people.ts";
import { startTestApi } from "../server.ts";
import { openSse, type SseEvent, type SseStream } from "../sse.ts";
import { arrangeTrunk, postTelephony, telephonyEvent } from "../telephony/fixture.ts";

// The live queue across processes: events posted to one API process reach the queues followed
// through another (Postgres LISTEN/NOTIFY in between), in commit order, numbered per tenant, and
// a follower that reconnects gets exactly what it missed.

const { api, database } = useTestApi();
const { owner } = database;
const records = useTestRecords(owner);
let other: Awaited<ReturnType<typeof startTestApi>> | undefined;
/** A third API process whose streams ask again every 200 ms whether their session still admits them. */
let watchful: Awaited<ReturnType<typeof startTestApi>> | undefined;
const otherUrl = () => {
  if (!other) throw new Error("the second API starts in beforeAll");
  return other.url;
};

beforeAll(async () => {
  other = await startTestApi(database.urls.appUrl);
  watchful = await startTestApi(database.urls.appUrl, { liveStreamReadmitMs: 200 });
});
afterAll(async () => {
  await other?.close();
  await watchful?.close();
});

const streams: SseStream[] = [];
afterAll(() => {
  for (const stream of streams) stream.close();
});

async function operatorOf(tenant: TestTenant): Promise<SignedInTestPerson> {
  const person = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role: "operator" }],
    signedIn: true,
  });
  records.people.push(person);
  return person;
}

async function follow(
  apiUrl: string,
  tenant: TestTenant,
  person: SignedInTestPerson,
  lastEventId?: string,
): Promise<SseStream> {
  const stream = await openSse(apiUrl, "calls.live", JSON.stringify({ tenantSlug: tenant.slug }), {
    cookie: person.cookie,
    ...(lastEventId ? { lastEventId } : {}),
  });
  streams.push(stream);
  return stream;
}

interface QueueMessage {
  kind: "queue";
  seq: number;
  calls: { id: string; state: string }[];
}
interface CallMessage {
  kind: "call";
  seq: number;
  call: {
    id: string;
    state: string;
    callerNumber: string | null;
    earlierCallsFromNumber: number;
    answeredBySeat: string | null;
  };
}

function queueMessage(event: SseEvent): QueueMessage {
  expect(event.type).toBe("message");
  return event.data as QueueMessage;
}

function callMessage(event: SseEvent): CallMessage {
  expect(event.type).toBe("message");
  return event.data as CallMessage;
}

describe("the live queue", () => {
  it("shows a call posted to another API process, numbered in the tenant's feed", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const stream = await follow(api.url, region.tenant, await operatorOf(region.tenant));
    const queue = queueMessage(await stream.next());
    expect(queue).toEqual({ kind: "queue", seq: 0, calls: [] });

    const offered = telephonyEvent(region.did, "two-proc-1", "call.offered", 0);
    expect((await postTelephony(otherUrl(), offered, region.secret)).status).toBe(200);
    const event = await stream.next();
    expect(event.id).toBe("1");
    expect(callMessage(event)).toMatchObject({
      kind: "call",
      seq: 1,
      call: { state: "ringing", callerNumber: "+6281234567890", earlierCallsFromNumber: 0 },
    });
  });

  it("starts a new follower with the calls in the queue now", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    for (const step of [
      telephonyEvent(region.did, "q-1", "call.offered", 0),
      telephonyEvent(region.did, "q-2", "call.offered", 1),
    ]) {
      expect((await postTelephony(api.url, step, region.secret)).status).toBe(200);
    }
    expect(
      (
        await postTelephony(
          api.url,
          telephonyEvent(region.did, "q-2", "call.answered", 5),
          region.secret,
        )
      ).status,
    ).toBe(200);
    const stream = await follow(otherUrl(), region.tenant, await operatorOf(region.tenant));
    const queue = queueMessage(await stream.next());
    expect(queue.seq).toBe(3);
    expect(queue.calls.map((call) => call.state)).toEqual(["ringing", "answered"]);
  });

  it("resumes after a reconnect from the last id seen: no gap, no repeat", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const operator = await operatorOf(region.tenant);
    const first = await follow(otherUrl(), region.tenant, operator);
    queueMessage(await first.next());
    await postTelephony(
      api.url,
      telephonyEvent(region.did, "resume-1", "call.offered", 0),
      region.secret,
    );
    const seen = await first.next();
    first.close();

    // While nobody follows: the call is answered, a second call rings, a retry changes nothing.
    const answered = telephonyEvent(region.did, "resume-1", "call.answered", 3);
    await postTelephony(api.url, answered, region.secret);
    await postTelephony(
      api.url,
      telephonyEvent(region.did, "resume-2", "call.offered", 4),
      region.secret,
    );
    await postTelephony(api.url, answered, region.secret);

    const again = await follow(api.url, region.tenant, operator, seen.id);
    const missed = [callMessage(await again.next()), callMessage(await again.next())];
    expect(missed.map((m) => [m.seq, m.call.state])).toEqual([
      [2, "answered"],
      [3, "ringing"],
    ]);
    expect(missed[1]?.call.earlierCallsFromNumber).toBe(1);
    await postTelephony(
      otherUrl(),
      telephonyEvent(region.did, "resume-1", "call.ended", 30),
      region.secret,
    );
    expect(callMessage(await again.next())).toMatchObject({ seq: 4, call: { state: "ended" } });
  });

  it("starts afresh when the id to resume from is not one the feed handed out", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    await postTelephony(
      api.url,
      telephonyEvent(region.did, "fresh-1", "call.offered", 0),
      region.secret,
    );
    const stream = await follow(api.url, region.tenant, await operatorOf(region.tenant), "999999");
    expect(queueMessage(await stream.next())).toMatchObject({
      kind: "queue",
      seq: 1,
      calls: [{ state: "ringing" }],
    });
  });

  it("keeps each tenant's calls to its own followers, and refuses to follow another tenant", async () => {
    const mine = await arrangeTrunk(api.url, owner, records);
    const theirs = await arrangeTrunk(api.url, owner, records);
    const operator = await operatorOf(mine.tenant);

    const refused = await follow(api.url, theirs.tenant, operator);
    const answer = await refused.next();
    expect(answer.type).toBe("serialized-error");
    expect(answer.data).toMatchObject({ data: { code: "NOT_FOUND" } });

    const stream = await follow(otherUrl(), mine.tenant, operator);
    queueMessage(await stream.next());
    await postTelephony(
      api.url,
      telephonyEvent(theirs.did, "theirs-1", "call.offered", 0),
      theirs.secret,
    );
    await postTelephony(
      api.url,
      telephonyEvent(mine.did, "mine-1", "call.offered", 0),
      mine.secret,
    );
    const next = callMessage(await stream.next());
    expect(next.seq).toBe(1);
    const [row] = await owner.sql<
      { id: string }[]
    >`select id from calls where tenant_id = ${mine.tenant.id} and external_call_id = 'mine-1'`;
    expect(next.call.id).toBe(row?.id);
  });

  it("gives every follower of a tenant, on either process, each change once and in order", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const operator = await operatorOf(region.tenant);
    const followers = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        follow(index % 2 ? api.url : otherUrl(), region.tenant, operator),
      ),
    );
    for (const stream of followers) queueMessage(await stream.next());
    for (let second = 0; second < 3; second++) {
      await postTelephony(
        api.url,
        telephonyEvent(region.did, `many-${String(second)}`, "call.offered", second),
        region.secret,
      );
    }
    for (const stream of followers) {
      const seqs = [await stream.next(), await stream.next(), await stream.next()].map(
        (event) => callMessage(event).seq,
      );
      expect(seqs).toEqual([1, 2, 3]);
    }
  });

  it("ends a stream, unauthorised, once its session ends or its holder leaves the tenant", async () => {
    if (!watchful) throw new Error("the watchful API starts in beforeAll");
    const region = await arrangeTrunk(api.url, owner, records);
    const signedOut = await operatorOf(region.tenant);
    const removed = await operatorOf(region.tenant);
    const [first, second] = [
      await follow(watchful.url, region.tenant, signedOut),
      await follow(watchful.url, region.tenant, removed),
    ];
    queueMessage(await first.next());
    queueMessage(await second.next());

    await owner.sql`delete from sessions where user_id = ${signedOut.id}`;
    await owner.sql`delete from memberships where user_id = ${removed.id} and tenant_id = ${region.tenant.id}`;
    for (const stream of [first, second]) {
      const ended = await stream.next();
      expect(ended.type).toBe("serialized-error");
      expect(ended.data).toMatchObject({ data: { code: "UNAUTHORIZED" } });
    }
  });
});
