#!/usr/bin/env node
// Event to screen: how long from the POST of a `call.offered` until the live queues of its tenant
// hear of it? Two API processes on a throwaway Postgres, 200 live-queue clients (server-sent
// events) spread over 10 tenants and both processes, signed events at 50 a second posted to either
// process. In the same run, the floor: a bare Postgres LISTEN/NOTIFY round trip at the same rate,
// measured alongside the events (the same machine load) and alone afterwards.
// Then the ceiling of intake: signed events accepted per second by one API process (autocannon).
import { mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import postgres from "postgres";
import { createDatabase } from "@sigap/db/client";
import { runMigrations } from "@sigap/db/migrate";
import { seedDemo } from "@sigap/db/seed";
import { freePort } from "@sigap/dev/free-port";
import { startLocalPostgres } from "@sigap/dev/postgres";
import { testSecretKeys } from "@sigap/dev/secret-keys";
import { startStack, type RunningStack } from "@sigap/dev/stack";
import { signTelephonyRequest } from "../apps/api/src/telephony/signature.ts";
import { openSse, type SseStream } from "../apps/api/test/sse.ts";
import {
  arrangeCallRegions,
  ms,
  paced,
  postSigned,
  summary,
  type CallRegion as Region,
} from "./_shared.ts";

const tenantCount = 10;
const clientCount = 200;
const eventsPerSecond = 50;
const seconds = 20;
const warmUpSeconds = 3;
const intakeSeconds = 10;

const dataRoot = await mkdtemp(join(tmpdir(), "sigap-bench-feed-"));
const server = await startLocalPostgres({
  dataDir: join(dataRoot, "data"),
  port: await freePort(),
  persistent: false,
});
const owner = createDatabase(server.ownerUrl, { max: 2 });
const stacks: RunningStack[] = [];
const streams: SseStream[] = [];
try {
  await runMigrations(server.ownerUrl);
  await seedDemo(server.ownerUrl);
  const regions = await arrangeCallRegions(owner, tenantCount);
  mkdirSync(join(dataRoot, "logs"));
  for (let index = 0; index < 2; index++) {
    stacks.push(
      await startStack({
        appUrl: server.appUrl,
        apiPort: await freePort(),
        portalPort: await freePort(),
        logLevel: "warn",
        secretKeys: testSecretKeys,
        worker: false,
        portal: false,
        output: { file: join(dataRoot, "logs", `api-${String(index)}.log`) },
      }),
    );
  }
  const apiUrls = stacks.map((stack) => stack.apiUrl);

  // Receipt times per caller number (each event rings from a number of its own).
  const heard = new Map<string, number[]>();
  for (let index = 0; index < clientCount; index++) {
    const region = regions[index % regions.length];
    const apiUrl = apiUrls[index % apiUrls.length];
    if (!region || !apiUrl) throw new Error("no region or API");
    const stream = await openSse(
      apiUrl,
      "calls.live",
      JSON.stringify({ tenantSlug: region.slug }),
      { cookie: region.cookie },
    );
    streams.push(stream);
    if ((await stream.next()).type !== "message")
      throw new Error(`client ${String(index)} was refused`);
    void listen(stream, heard);
  }

  console.log(
    `${String(clientCount)} live-queue clients over ${String(tenantCount)} tenants and 2 API processes; ${String(eventsPerSecond)} signed call.offered a second for ${String(seconds)} s after ${String(warmUpSeconds)} s of warm-up:`,
  );
  const posted = new Map<string, { at: number; listeners: number }>();
  const answered: number[] = [];
  let serial = 0;
  const postOne = async () => {
    serial += 1;
    const region = regions[serial % regions.length];
    const apiUrl = apiUrls[serial % apiUrls.length];
    if (!region || !apiUrl) return;
    const caller = `+62812${String(serial).padStart(8, "0")}`;
    const at = performance.now();
    posted.set(caller, { at, listeners: clientCount / tenantCount });
    await postSigned(apiUrl, region.secret, {
      eventId: randomUUID(),
      type: "call.offered",
      callId: randomUUID(),
      did: region.did,
      caller,
      occurredAt: new Date().toISOString(),
    });
    answered.push(performance.now() - at);
  };
  // Warm-up at the same rate (pool connections, prepared statements, JIT), then measured afresh.
  await paced(eventsPerSecond, warmUpSeconds, postOne);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  posted.clear();
  answered.length = 0;
  heard.clear();
  // The floor twice: under the same load at the same time, and alone afterwards.
  const [loadedFloorTimes] = await Promise.all([
    notifyRoundTrips(server.appUrl, eventsPerSecond, seconds),
    paced(eventsPerSecond, seconds, postOne),
  ]);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const latencies: number[] = [];
  let missing = 0;
  for (const [caller, { at, listeners }] of posted) {
    const times = heard.get(caller) ?? [];
    missing += listeners - times.length;
    for (const time of times) latencies.push(time - at);
  }
  const feed = summary(latencies);
  const post = summary(answered);
  console.log(
    `  event → screen   p50 ${ms(feed.p50)}   p99 ${ms(feed.p99)}   (${String(latencies.length)} deliveries, ${String(missing)} missing)`,
  );
  console.log(
    `  of which POST    p50 ${ms(post.p50)}   p99 ${ms(post.p99)}   (until the 200, i.e. committed)`,
  );

  // As long as the measured run: a p99 of a few hundred round trips is one unlucky scheduling.
  const floor = summary(await notifyRoundTrips(server.appUrl, eventsPerSecond, seconds));
  const loadedFloor = summary(loadedFloorTimes);
  const ratio = (of: number, to: number) => `${(of / to).toFixed(1)}×`.padStart(6);
  console.log(
    `  LISTEN/NOTIFY    p50 ${ms(floor.p50)}   p99 ${ms(floor.p99)}   (the floor, alone after the run)`,
  );
  console.log(
    `  … under load     p50 ${ms(loadedFloor.p50)}   p99 ${ms(loadedFloor.p99)}   (the floor, alongside the events)`,
  );
  console.log(
    `  event → screen / floor:  p99 ${ratio(feed.p99, floor.p99)} alone, ${ratio(feed.p99, loadedFloor.p99)} under load;  p50 ${ratio(feed.p50, floor.p50)} alone, ${ratio(feed.p50, loadedFloor.p50)} under load`,
  );
  console.log(`  (goal: p99 under 50 ms and within 5× of the floor)`);

  for (const stream of streams.splice(0)) stream.close();
  const [first] = regions;
  const [apiUrl] = apiUrls;
  if (!first || !apiUrl) throw new Error("no region");
  const accepted = await intake(apiUrl, first, intakeSeconds);
  console.log(
    `Signed events accepted by one API process, 10 connections, ${String(intakeSeconds)} s: ${accepted.toFixed(0)} events/s`,
  );
} finally {
  for (const stream of streams) stream.close();
  for (const stack of stacks) await stack.stop();
  await owner.close();
  await server.stop();
  await rm(dataRoot, { recursive: true, force: true });
}

async function listen(stream: SseStream, heard: Map<string, number[]>): Promise<void> {
  for (;;) {
    const event = await stream.next(3_600_000).catch(() => undefined);
    if (!event || event.type !== "message") return;
    const message = event.data as { kind: string; call?: { callerNumber: string | null } };
    const caller = message.call?.callerNumber;
    if (message.kind !== "call" || !caller) continue;
    const times = heard.get(caller) ?? [];
    times.push(performance.now());
    heard.set(caller, times);
  }
}

/** Round trips of a bare NOTIFY from one connection to a LISTEN on another, at `perSecond`. */
async function notifyRoundTrips(
  url: string,
  perSecond: number,
  duration: number,
): Promise<number[]> {
  const listener = postgres(url, { max: 1 });
  const notifier = postgres(url, { max: 1 });
  const sent = new Map<string, number>();
  const times: number[] = [];
  try {
    await listener.listen("bench_floor", (payload) => {
      const at = sent.get(payload);
      if (at !== undefined) times.push(performance.now() - at);
    });
    let serial = 0;
    await paced(perSecond, duration, async () => {
      serial += 1;
      const payload = String(serial);
      sent.set(payload, performance.now());
      await notifier`select pg_notify('bench_floor', ${payload})`;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    return times;
  } finally {
    await listener.end();
    await notifier.end();
  }
}

/** Events a second one API process accepts from 10 connections posting signed events back to back. */
async function intake(apiUrl: string, region: Region, duration: number): Promise<number> {
  const result = await autocannon({
    url: `${apiUrl}/v1/telephony/events`,
    connections: 10,
    duration,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const body = JSON.stringify({
            eventId: randomUUID(),
            type: "call.offered",
            callId: randomUUID(),
            did: region.did,
            caller: null,
            occurredAt: new Date().toISOString(),
          });
          const timestamp = String(Math.floor(Date.now() / 1000));
          return {
            ...request,
            body,
            headers: {
              "content-type": "application/json",
              "x-sigap-timestamp": timestamp,
              "x-sigap-signature": signTelephonyRequest(region.secret, timestamp, body),
            },
          };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${String(result.non2xx)} non-2xx answers and ${String(result.errors)} errors`);
  return result.requests.average;
}
