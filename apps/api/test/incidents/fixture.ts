import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { createDatabase } from "@sigap/db/client";
import { startWebhookReceiver, type WebhookReceiver } from "@sigap/dev/webhook-receiver";
import { createTestTenant, type TestTenant } from "@sigap/tenancy/testing";
import { newSigningSecret } from "../../src/agencies/signing-secret.ts";
import { serveEscalations } from "../../src/incidents/escalate.ts";
import { serveNotifications, type NotifyDependencies } from "../../src/incidents/notify.ts";
import { createBoss } from "../../src/jobs/boss.ts";
import { jobSender } from "../../src/jobs/send.ts";
import { createLogger } from "../../src/logger.ts";
import { createSecretBox } from "../../src/security/secret-box.ts";
import { testClient, type TestClient } from "../client.ts";
import type { useTestRecords } from "../harness.ts";
import { createTestPerson } from "../people.ts";
import { logSink, testConfig } from "../server.ts";

type Owner = ReturnType<typeof createDatabase>;
type Records = ReturnType<typeof useTestRecords>;

export interface Reply<T> {
  status: number;
  data: T;
  message: string | undefined;
  issues: { path: string; message: string }[] | undefined;
}

/** A client of one person in one tenant whose calls carry the tenant's slug; `T` is what the test expects back. */
export interface TenantClient {
  person: { id: string; displayName: string };
  call: <T = unknown>(
    type: "query" | "mutation",
    path: string,
    input?: Record<string, unknown>,
  ) => Promise<Reply<T>>;
}

export async function tenantClient(
  apiUrl: string,
  owner: Owner,
  records: Records,
  tenant: TestTenant,
  role: "tenant_admin" | "supervisor" | "operator" | "agency_responder",
): Promise<TenantClient & { raw: TestClient }> {
  const person = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role }],
    signedIn: true,
  });
  records.people.push(person);
  const raw = testClient(apiUrl, { cookie: person.cookie });
  return {
    person,
    raw,
    call: async <T>(
      type: "query" | "mutation",
      path: string,
      input: Record<string, unknown> = {},
    ): Promise<Reply<T>> => {
      const reply = await raw.call(type, path, { tenantSlug: tenant.slug, ...input });
      return {
        status: reply.status,
        data: reply.data as T,
        message: reply.message,
        issues: reply.issues,
      };
    },
  };
}

/** Expects a 200 and returns the data. */
export async function ok<T>(
  reply: Promise<{ status: number; data: T; message: string | undefined }>,
): Promise<T> {
  const answered = await reply;
  expect(answered.status, answered.message).toBe(200);
  return answered.data;
}

export interface Region {
  tenant: TestTenant;
  admin: TenantClient;
  operator: TenantClient;
  agencies: { damkar: string; psc119: string; bpbd: string };
  /** Damkar's webhook, at a local HTTPS receiver, and the secret it is signed with. */
  receiver: WebhookReceiver;
  webhookContactId: string;
  signingSecret: string;
  kecamatanCode: string;
}

/**
 * A live region as dispatch meets it: the national SOP published, Damkar, PSC 119 and BPBD
 * covering the whole region, Damkar reachable by webhook at a local receiver. The webhook row is
 * written with the owner connection: the API refuses loopback addresses as webhook input, rightly.
 */
export async function arrangeRegion(
  apiUrl: string,
  owner: Owner,
  records: Records,
): Promise<Region> {
  const tenant = await createTestTenant(owner, "live");
  records.tenants.push(tenant);
  const admin = await tenantClient(apiUrl, owner, records, tenant, "tenant_admin");
  const operator = await tenantClient(apiUrl, owner, records, tenant, "operator");
  await ok(admin.call("mutation", "onboarding.chooseSop", { templateCode: "national-default" }));
  const create = (agencyType: string, name: string) =>
    ok(admin.call<{ id: string }>("mutation", "agencies.create", { agencyType, name }));
  const [damkar, psc119, bpbd] = await Promise.all([
    create("damkar", "Damkar Kota"),
    create("psc119", "PSC 119 Dinkes"),
    create("bpbd", "BPBD Kota"),
  ]);
  const workspace = await ok(
    admin.call<{ draft: { updatedAt: string } }>("query", "sop.workspace"),
  );
  const published = await ok(
    admin.call<{ published: boolean }>("mutation", "sop.publish", {
      note: "Untuk uji dispatch",
      updatedAt: workspace.draft.updatedAt,
    }),
  );
  expect(published.published).toBe(true);

  const receiver = await startWebhookReceiver();
  const contactId = randomUUID();
  const secret = newSigningSecret(createSecretBox(testConfig.secretKeys), contactId);
  await owner.sql`insert into agency_contacts (tenant_id, id, agency_id, kind, value, signing_secret_encrypted)
    values (${tenant.id}, ${contactId}, ${damkar.id}, 'webhook', ${receiver.url}, ${secret.sealed})`;
  const [district] = await owner.sql<
    { code: string }[]
  >`select code from districts where regency_code = ${tenant.regionCode} order by code limit 1`;
  return {
    tenant,
    admin,
    operator,
    agencies: { damkar: damkar.id, psc119: psc119.id, bpbd: bpbd.id },
    receiver,
    webhookContactId: contactId,
    signingSecret: secret.plaintext,
    kecamatanCode: district?.code ?? "",
  };
}

/** What the worker runs with in these tests: webhooks may reach this machine, under the receiver's certificate. */
export function workerConfig(receiver: WebhookReceiver): NotifyDependencies["config"] {
  return { ...testConfig, webhookAllowedNetworks: ["127.0.0.1"], webhookCa: receiver.certificate };
}

/** A job worker for incidents, as `apps/api/src/worker.ts` runs it; `stop` is a worker shut down (or killed) mid-run. */
export async function startIncidentWorker(appUrl: string, config: NotifyDependencies["config"]) {
  const database = createDatabase(appUrl, { max: 4 });
  const boss = createBoss(appUrl, "worker");
  boss.on("error", () => {});
  await boss.start();
  const log = createLogger("warn", "worker", logSink().sink);
  await serveNotifications(boss, { db: database.db, config, log });
  await serveEscalations(boss, { db: database.db, jobs: jobSender(boss), log, config });
  return {
    db: database.db,
    stop: async () => {
      await boss.stop({ graceful: false });
      await database.close();
    },
  };
}

/** Waits until `check` holds (a worker works on its own time), or fails with what it last saw. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline)
      throw new Error(`still not there after ${String(timeoutMs)} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
