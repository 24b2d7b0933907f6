import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { createDatabase } from "@sigap/db/client";
import { createTestTenant, type TestTenant } from "@sigap/tenancy/testing";
import type { BillingDependencies } from "../../src/billing/issue.ts";
import { serveBilling } from "../../src/billing/schedule.ts";
import { createBoss } from "../../src/jobs/boss.ts";
import { jobSender } from "../../src/jobs/send.ts";
import { createLogger } from "../../src/logger.ts";
import { testClient, type TestClient } from "../client.ts";
import type { useTestRecords } from "../harness.ts";
import { createTestPerson, uniqueEmail } from "../people.ts";
import { logSink, testConfig } from "../server.ts";

type Owner = ReturnType<typeof createDatabase>;
type Records = ReturnType<typeof useTestRecords>;

/** A signed-in platform admin's client, for plans and a tenant's billing. */
export async function platformAdmin(
  apiUrl: string,
  owner: Owner,
  records: Records,
): Promise<TestClient> {
  const person = await createTestPerson(owner, { platformRole: "platform_admin", signedIn: true });
  records.people.push(person);
  return testClient(apiUrl, { cookie: person.cookie });
}

/** Calls `path` and returns its data, failing with the API's own words on anything but 200. */
export async function expectOk<T>(
  client: TestClient,
  type: "query" | "mutation",
  path: string,
  input?: Record<string, unknown>,
): Promise<T> {
  const reply = await client.call(type, path, input);
  if (reply.status !== 200)
    throw new Error(`${path}: ${String(reply.status)} ${JSON.stringify(reply.error)}`);
  return reply.data as T;
}

/** A monthly plan with round prices, under a fresh code. */
export async function createPlan(
  admin: TestClient,
  prices: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
  return expectOk(admin, "mutation", "billingAdmin.createPlan", {
    code: `uji-${randomUUID().slice(0, 8)}`,
    name: "Standar uji",
    period: "monthly",
    baseFee: 15_000_000,
    seatFee: 250_000,
    channelFee: 100_000,
    notificationFee: 500,
    callAllowance: 10_000,
    callFee: 100,
    ...prices,
  });
}

export interface BilledTenant {
  tenant: TestTenant;
  email: string;
}

/** A live tenant in `timeZone` with a billing profile, on `planId` from `startsOn`, arranged by `admin`. */
export async function arrangeBilledTenant(
  admin: TestClient,
  owner: Owner,
  records: Records,
  options: {
    planId: string;
    startsOn: string;
    timeZone?: "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";
  },
): Promise<BilledTenant> {
  const tenant = await createTestTenant(owner, "live");
  records.tenants.push(tenant);
  if (options.timeZone)
    await owner.sql`update tenants set time_zone = ${options.timeZone} where id = ${tenant.id}`;
  const email = uniqueEmail("keuangan");
  await expectOk(admin, "mutation", "billing.saveProfile", {
    tenantSlug: tenant.slug,
    legalName: `Pemerintah ${tenant.slug}`,
    address: "Jl. Pahlawan No. 1",
    npwp: "00.000.000.0-000.000",
    email,
    virtualAccount: "8808 1234 5678",
  });
  await expectOk(admin, "mutation", "billing.assignPlan", {
    tenantSlug: tenant.slug,
    planId: options.planId,
    startsOn: options.startsOn,
  });
  return { tenant, email };
}

/** Billing as the worker runs it, on the runtime role: the dependencies, and a sender for its jobs. */
export function billingDependencies(appUrl: string) {
  const database = createDatabase(appUrl, { max: 8 });
  const boss = createBoss(appUrl, "sender");
  boss.on("error", () => {});
  const jobs = jobSender(boss);
  const deps: BillingDependencies = {
    db: database.db,
    config: testConfig,
    jobs,
    log: createLogger("warn", "billing", logSink().sink),
  };
  return {
    deps,
    close: async () => {
      await jobs.stop();
      await database.close();
    },
  };
}

/** A job worker serving the billing queues as `apps/api/src/worker.ts` does; `stop` is the worker killed. */
export async function startBillingWorker(appUrl: string) {
  const database = createDatabase(appUrl, { max: 4 });
  const boss = createBoss(appUrl, "worker");
  boss.on("error", () => {});
  await boss.start();
  const jobs = jobSender(boss);
  await serveBilling(boss, {
    db: database.db,
    config: testConfig,
    jobs,
    log: createLogger("warn", "worker", logSink().sink),
  });
  return {
    stop: async () => {
      await boss.stop({ graceful: false });
      await database.close();
    },
  };
}

/**
 * What every billing test file starts from: a platform admin, a plan of round prices, and billing's
 * dependencies on the runtime role. Call after `useTestRecords`; read the fields inside tests.
 */
export function useBilling(
  api: { url: string },
  database: { owner: Owner; urls: { appUrl: string } },
  records: Records,
) {
  let arranged:
    | { admin: TestClient; plan: { id: string }; billing: ReturnType<typeof billingDependencies> }
    | undefined;
  beforeAll(async () => {
    const admin = await platformAdmin(api.url, database.owner, records);
    arranged = {
      admin,
      plan: await createPlan(admin),
      billing: billingDependencies(database.urls.appUrl),
    };
  });
  afterAll(async () => {
    await arranged?.billing.close();
  });
  const ready = () => {
    if (!arranged)
      throw new Error("billing is arranged in beforeAll: use it inside hooks and tests");
    return arranged;
  };
  return {
    get admin() {
      return ready().admin;
    },
    get plan() {
      return ready().plan;
    },
    get deps() {
      return ready().billing.deps;
    },
  };
}
