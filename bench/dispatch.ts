#!/usr/bin/env node
// Call to first notification: from the POST of a `call.offered` until the first agency's webhook
// is delivered to a local receiver, with 20 incidents a second across 50 tenants. Each incident is
// what an operator does without thinking time: the PBX reports the call offered and answered, the
// operator classifies it as a building fire with people trapped (which opens the incident), reads
// the SOP's proposal and dispatches it; the worker notifies Damkar's webhook (HTTPS, signed).
// Then the worker's ceiling: notification jobs delivered a second from a backlog.
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createDatabase } from "@sigap/db/client";
import { runMigrations } from "@sigap/db/migrate";
import { seedDemo } from "@sigap/db/seed";
import { freePort } from "@sigap/dev/free-port";
import { startLocalPostgres } from "@sigap/dev/postgres";
import { testSecretKeys } from "@sigap/dev/secret-keys";
import { startStack, type RunningStack } from "@sigap/dev/stack";
import { startWebhookReceiver, type WebhookReceiver } from "@sigap/dev/webhook-receiver";
import { nationalTemplate } from "@sigap/sop-engine";
import { newSigningSecret } from "../apps/api/src/agencies/signing-secret.ts";
import { parseSecretKeys } from "../apps/api/src/config.ts";
import { createSecretBox } from "../apps/api/src/security/secret-box.ts";
import { arrangeCallRegions, ms, paced, postSigned, summary, type CallRegion } from "./_shared.ts";

const tenantCount = 50;
const incidentsPerSecond = 20;
const seconds = 15;
const warmUpSeconds = 3;
const backlog = 400;

const dataRoot = await mkdtemp(join(tmpdir(), "sigap-bench-dispatch-"));
const server = await startLocalPostgres({
  dataDir: join(dataRoot, "data"),
  port: await freePort(),
  persistent: false,
});
const owner = createDatabase(server.ownerUrl, { max: 2 });
const receiver = await startWebhookReceiver();
let stack: RunningStack | undefined;
try {
  await runMigrations(server.ownerUrl);
  await seedDemo(server.ownerUrl);
  const regions = await arrangeCallRegions(owner, tenantCount);
  for (const region of regions) await arrangeDispatch(region);
  mkdirSync(join(dataRoot, "logs"));
  const caFile = join(dataRoot, "receiver.pem");
  writeFileSync(caFile, receiver.certificate);
  stack = await startStack({
    appUrl: server.appUrl,
    apiPort: await freePort(),
    portalPort: await freePort(),
    logLevel: "warn",
    secretKeys: testSecretKeys,
    portal: false,
    output: { file: join(dataRoot, "logs", "stack.log") },
    env: { SIGAP_WEBHOOK_ALLOWED_NETWORKS: "127.0.0.1", SIGAP_WEBHOOK_CA_FILE: caFile },
  });
  const apiUrl = stack.apiUrl;

  const started = new Map<string, number>();
  const dispatchedAfter: number[] = [];
  let serial = 0;
  const incident = async () => {
    serial += 1;
    const region = regions[serial % regions.length];
    if (!region) return;
    const callId = randomUUID();
    const at = performance.now();
    const occurredAt = new Date().toISOString();
    const caller = `+62813${String(serial).padStart(8, "0")}`;
    await postSigned(apiUrl, region.secret, {
      eventId: randomUUID(),
      type: "call.offered",
      callId,
      did: region.did,
      caller,
      occurredAt,
    });
    await postSigned(apiUrl, region.secret, {
      eventId: randomUUID(),
      type: "call.answered",
      callId,
      did: region.did,
      caller,
      occurredAt,
      seat: "meja-1",
    });
    const incidentId = await operatorDispatches(apiUrl, region, callId);
    started.set(incidentId, at);
    dispatchedAfter.push(performance.now() - at);
  };

  await paced(incidentsPerSecond, warmUpSeconds, incident);
  await settle(receiver, started.size);
  started.clear();
  dispatchedAfter.length = 0;
  receiver.received.length = 0;

  const window = performance.now();
  await paced(incidentsPerSecond, seconds, incident);
  await settle(receiver, started.size);
  const latencies = firstDeliveries(receiver, started);
  const total = summary(latencies);
  const api = summary(dispatchedAfter);
  const delivered = latencies.length;
  console.log(
    `${String(incidentsPerSecond)} incidents a second for ${String(seconds)} s over ${String(tenantCount)} tenants (call offered → answered → classified → proposal → dispatch → Damkar's webhook):`,
  );
  console.log(
    `  call → first webhook   p50 ${ms(total.p50)}   p99 ${ms(total.p99)}   (${String(delivered)} of ${String(started.size)} delivered)   goal: p99 under 1 s`,
  );
  console.log(
    `  of which until dispatch committed   p50 ${ms(api.p50)}   p99 ${ms(api.p99)}   (4 HTTP calls: 2 events, classify, proposal + dispatch)`,
  );
  console.log(
    `  notification jobs delivered during the run: ${(delivered / ((performance.now() - window) / 1000)).toFixed(1)}/s (the offered rate)`,
  );

  // The worker's ceiling: a backlog of dispatches made while the worker cannot keep up, then drained.
  receiver.received.length = 0;
  started.clear();
  const burst = performance.now();
  await Promise.all(Array.from({ length: backlog }, () => incident()));
  await settle(receiver, backlog, 120_000);
  console.log(
    `  worker ceiling: ${String(backlog)} dispatches at once, all delivered in ${((performance.now() - burst) / 1000).toFixed(1)} s: ${(backlog / ((performance.now() - burst) / 1000)).toFixed(1)} notification jobs/s`,
  );
} finally {
  await stack?.stop();
  await receiver.close();
  await owner.close();
  await server.stop();
  await rm(dataRoot, { recursive: true, force: true });
}

/** The national SOP published; Damkar with a webhook at the local receiver; PSC 119 beside it. */
async function arrangeDispatch(region: CallRegion): Promise<void> {
  await owner.sql`
    insert into sop_versions (tenant_id, status, number, ruleset, note, published_at)
    values (${region.tenantId}, 'published', 1, ${JSON.stringify(nationalTemplate)}::jsonb, 'bench', now())`;
  const [damkar] = await owner.sql<{ id: string }[]>`
    insert into agencies (tenant_id, agency_type, name) values (${region.tenantId}, 'damkar', 'Damkar'), (${region.tenantId}, 'psc119', 'PSC 119') returning id`;
  if (!damkar) throw new Error("no agency");
  const contactId = randomUUID();
  const secret = newSigningSecret(createSecretBox(parseSecretKeys(testSecretKeys)), contactId);
  await owner.sql`insert into agency_contacts (tenant_id, id, agency_id, kind, value, signing_secret_encrypted)
    values (${region.tenantId}, ${contactId}, ${damkar.id}, 'webhook', ${receiver.url}, ${secret.sealed})`;
}

/** What the operator does, as the portal would send it: classify the answered call as an emergency, then dispatch the SOP's proposal as it stands. */
async function operatorDispatches(
  apiUrl: string,
  region: CallRegion,
  externalCallId: string,
): Promise<string> {
  const [call] = await owner.sql<
    { id: string }[]
  >`select id from calls where tenant_id = ${region.tenantId} and external_call_id = ${externalCallId}`;
  if (!call) throw new Error("the call was not recorded");
  const closed = await trpc<{ incidentId: string }>(
    apiUrl,
    region,
    "mutation",
    "callDesk.classify",
    {
      callId: call.id,
      classification: "emergency",
      incidentTypes: ["fire.building"],
      note: "Orang terjebak di lantai dua",
    },
  );
  const proposal = await trpc<{ lines: { agencyId: string; role: string; lead: boolean }[] }>(
    apiUrl,
    region,
    "query",
    "incidents.proposal",
    { incidentId: closed.incidentId },
  );
  await trpc(apiUrl, region, "mutation", "incidents.dispatch", {
    incidentId: closed.incidentId,
    agencies: proposal.lines.map(({ agencyId, role, lead }) => ({ agencyId, role, lead })),
  });
  return closed.incidentId;
}

async function trpc<T = unknown>(
  apiUrl: string,
  region: CallRegion,
  type: "query" | "mutation",
  path: string,
  input: Record<string, unknown>,
): Promise<T> {
  const json = JSON.stringify({ tenantSlug: region.slug, ...input });
  const headers = {
    cookie: region.cookie,
    ...(type === "mutation"
      ? { "content-type": "application/json", "sec-fetch-site": "same-origin" }
      : {}),
  };
  const response =
    type === "query"
      ? await fetch(`${apiUrl}/trpc/${path}?input=${encodeURIComponent(json)}`, { headers })
      : await fetch(`${apiUrl}/trpc/${path}`, { method: "POST", headers, body: json });
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!body.result)
    throw new Error(`${path}: ${String(response.status)} ${body.error?.message ?? ""}`);
  return body.result.data;
}

/** Waits until the receiver holds `count` deliveries (or `timeoutMs` passes). */
async function settle(hooks: WebhookReceiver, count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (
    hooks.received.filter((hook) => hook.status < 300).length < count &&
    performance.now() < deadline
  )
    await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Per incident, from its call's first event to its first delivered webhook. */
function firstDeliveries(hooks: WebhookReceiver, started: Map<string, number>): number[] {
  const first = new Map<string, number>();
  for (const hook of hooks.received) {
    const id = (JSON.parse(hook.body) as { incident: { id: string } }).incident.id;
    const arrived = hook.arrivedAt;
    if (!first.has(id) || (first.get(id) ?? Infinity) > arrived) first.set(id, arrived);
  }
  return [...started].flatMap(([id, at]) => (first.has(id) ? [(first.get(id) ?? 0) - at] : []));
}
