#!/usr/bin/env node
// The call simulator: `node apps/api/src/cli/simulate-calls.ts <tenant slug> [options]`, run for
// the local stack by `npm run calls -- <tenant slug>`. It reports realistic calls to the event
// route as the tenant's switch would, signed with the trunk's event secret:
//   --per-minute N      live traffic, N calls a minute on average (default 4), until Ctrl-C
//   --history-days D    instead, D days of past calls at --per-day (default 80), then exit; only
//                       for a tenant without calls, so it is safe to run on every start
// Reads DATABASE_APP_URL and SIGAP_SECRET_KEYS as the API does; --api names the API's URL.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { createDatabase } from "@sigap/db/client";
import { classifyPastCalls } from "@sigap/db/queries";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { kecamatanOf, randomPointIn } from "@sigap/db/seed";
import { appConfig } from "../config.ts";
import { readEnv } from "../env.ts";
import { recordDemoIncidents } from "../incidents/demo-history.ts";
import { createSecretBox } from "../security/secret-box.ts";
import { maxEventsPerRequest } from "../telephony/events-schema.ts";
import { signTelephonyRequest } from "../telephony/signature.ts";
import {
  arrivals,
  randomMobileNumber,
  simulateCall,
  type SimulatedEvent,
  type TrafficSetting,
} from "../telephony/simulation.ts";
import { simulatorLine, type SimulatorLine } from "../telephony/simulator-line.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "per-minute": { type: "string", default: "4" },
    "history-days": { type: "string" },
    "per-day": { type: "string", default: "80" },
    api: { type: "string" },
  },
});

function positiveNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return value;
}

const [slug] = positionals;
if (!slug) {
  console.error(
    "usage: simulate-calls <tenant slug> [--per-minute N | --history-days D [--per-day N]] [--api URL]",
  );
  process.exit(2);
}
const env = readEnv();
const apiUrl = values.api ?? `http://127.0.0.1:${String(env.API_PORT)}`;
const database = createDatabase(env.DATABASE_APP_URL, {
  max: 2,
  applicationName: "sigap-call-simulator",
});

/** The tenant's traffic: its lines and seats, a handful of numbers that keep calling, its kecamatan for device fixes. */
function trafficOf(line: SimulatorLine): TrafficSetting {
  const kecamatan = kecamatanOf(line.regionCode);
  return {
    dids: line.dids,
    seats: ["meja-1", "meja-2", "meja-3", "meja-4"],
    repeatCallers: Array.from({ length: 8 }, () => randomMobileNumber(Math.random)),
    pointInRegion:
      kecamatan.length === 0
        ? undefined
        : (random) => {
            const area = kecamatan[Math.floor(random() * kecamatan.length)] ?? kecamatan[0];
            if (!area) throw new Error("no kecamatan");
            return randomPointIn(area, random);
          },
    neighbourLine: "+62318000112",
  };
}

/** Posts events of the line's trunk, signed; throws with the API's answer when it is not a 2xx. */
async function post(line: SimulatorLine, events: readonly SimulatedEvent[]): Promise<void> {
  const body = JSON.stringify(events.length === 1 ? events[0] : { events });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(`${apiUrl}/v1/telephony/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-sigap-timestamp": timestamp,
      "x-sigap-signature": signTelephonyRequest(line.eventSecret, timestamp, body),
    },
    body,
  });
  if (!response.ok)
    throw new Error(`${apiUrl} answered ${String(response.status)}: ${await response.text()}`);
}

async function addHistory(line: SimulatorLine, days: number, perDay: number): Promise<void> {
  if (line.existingCalls > 0) {
    console.log(
      `[calls] ${slug} already has ${String(line.existingCalls)} calls; no history added`,
    );
    return;
  }
  const traffic = trafficOf(line);
  const to = new Date(Date.now() - 60 * 60 * 1000);
  const from = new Date(to.getTime() - days * 24 * 60 * 60 * 1000);
  const hourOf = (at: Date) => (at.getUTCHours() + 7) % 24;
  const calls = arrivals(Math.random, from, to, perDay / 24, hourOf).map((at) =>
    simulateCall(Math.random, traffic, at, randomUUID),
  );
  const events = calls
    .flatMap((call) => call.events)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (let start = 0; start < events.length; start += maxEventsPerRequest)
    await post(line, events.slice(start, start + maxEventsPerRequest));
  // Nobody took these calls; close the answered ones as their operators would have, so the
  // wallboard's and the reports' classification figures have something true to show.
  const classified = await withTenant(database.db, asTenantId(line.tenantId), (tx) =>
    classifyPastCalls(
      tx,
      line.trunkId,
      calls.map((call) => ({
        externalCallId: call.events[0]?.callId ?? "",
        classification: call.kind,
      })),
    ),
  );
  // Their emergencies became incidents, dispatched with the region's published SOP and followed to their end.
  const incidents = await withTenant(database.db, asTenantId(line.tenantId), (tx) =>
    recordDemoIncidents(tx, line.tenantId, line.trunkId, new Date(), Math.random),
  );
  console.log(
    `[calls] ${slug}: ${String(calls.length)} calls over ${String(days)} days added, ${String(classified)} answered ones classified, ${String(incidents)} incidents recorded`,
  );
}

/** Live traffic until Ctrl-C: each call's events are posted when they happen. */
function runLive(line: SimulatorLine, perMinute: number): void {
  const traffic = trafficOf(line);
  const report = (events: SimulatedEvent[]) => {
    for (const event of events) {
      setTimeout(
        () => {
          post(line, [event]).catch((error: unknown) => {
            console.error(`[calls] ${event.type} of ${event.callId} refused: ${String(error)}`);
          });
        },
        Math.max(0, event.occurredAt.getTime() - Date.now()),
      );
    }
  };
  const next = () => {
    const wait = (-Math.log(1 - Math.random()) / perMinute) * 60_000;
    setTimeout(() => {
      const call = simulateCall(Math.random, traffic, new Date(), randomUUID);
      const last = call.events.at(-1);
      console.log(
        `[calls] ${new Date().toLocaleTimeString("id-ID")} ${call.kind.padEnd(12)} ${call.events[0]?.caller ?? "disembunyikan"} → ${last?.type ?? ""}`,
      );
      report(call.events);
      next();
    }, wait);
  };
  console.log(
    `[calls] ringing ${line.dids.join(", ")} of ${slug} at ${String(perMinute)} calls a minute; Ctrl-C to stop`,
  );
  next();
}

try {
  const line = await simulatorLine(database.db, createSecretBox(appConfig(env).secretKeys), slug);
  if (values["history-days"] === undefined) {
    await database.close();
    runLive(line, positiveNumber("per-minute", values["per-minute"]));
  } else {
    await addHistory(
      line,
      positiveNumber("history-days", values["history-days"]),
      positiveNumber("per-day", values["per-day"]),
    ).finally(database.close);
  }
} catch (error) {
  console.error(`[calls] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
