import { randomUUID } from "node:crypto";
import {
  createTestTenant,
  type connectTestDatabase,
  type TestTenant,
} from "@sigap/tenancy/testing";
import { signTelephonyRequest } from "../../src/telephony/signature.ts";
import { testClient } from "../client.ts";
import type { useTestRecords } from "../harness.ts";
import { freshDid } from "../numbers.ts";
import { createTestPerson } from "../people.ts";
import { sampleTrunkInput } from "./sample-trunk.ts";

type Owner = ReturnType<typeof connectTestDatabase>["owner"];

/**
 * A tenant with a trunk holding one DID, and the trunk's first event secret, set up as its admin
 * would through the API at `apiUrl`; tenant and admin are cleaned up with `records`.
 */
export async function arrangeTrunk(
  apiUrl: string,
  owner: Owner,
  records: ReturnType<typeof useTestRecords>,
) {
  const tenant: TestTenant = await createTestTenant(owner);
  records.tenants.push(tenant);
  const admin = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role: "tenant_admin" }],
    signedIn: true,
  });
  records.people.push(admin);
  const client = testClient(apiUrl, { cookie: admin.cookie });
  const call = async (path: string, input: Record<string, unknown>) => {
    const reply = await client.call("mutation", `trunks.${path}`, {
      tenantSlug: tenant.slug,
      ...input,
    });
    if (reply.status !== 200)
      throw new Error(`trunks.${path}: ${String(reply.status)} ${JSON.stringify(reply.error)}`);
    return reply.data as Record<string, unknown>;
  };
  const trunk = await call("create", sampleTrunkInput);
  const trunkId = trunk.id as string;
  const did = freshDid();
  await call("setDids", { trunkId, dids: [did] });
  const rotate = async () => (await call("rotateEventSecret", { trunkId })).eventSecret as string;
  const secret = await rotate();
  return { tenant, admin, trunkId, did, secret, rotate, call };
}

/** Posts `body` to the event route at `apiUrl`, signed with `secret` at `at` (Unix seconds; now by default). */
export async function postTelephony(
  apiUrl: string,
  body: unknown,
  secret: string,
  options: { at?: number; signature?: string } = {},
) {
  const text = JSON.stringify(body);
  const timestamp = String(options.at ?? Math.floor(Date.now() / 1000));
  const response = await fetch(`${apiUrl}/v1/telephony/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-sigap-timestamp": timestamp,
      "x-sigap-signature": options.signature ?? signTelephonyRequest(secret, timestamp, text),
    },
    body: text,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** One event of call `callId` on `did`, `seconds` after a fixed moment. */
export function telephonyEvent(
  did: string,
  callId: string,
  type: string,
  seconds: number,
  extra: Record<string, unknown> = {},
) {
  return {
    eventId: randomUUID(),
    type,
    callId,
    did,
    caller: "0812-3456-7890",
    occurredAt: new Date(Date.UTC(2026, 11, 4, 1, 0, seconds)).toISOString(),
    ...(type === "call.answered" ? { seat: "seat-3" } : {}),
    ...extra,
  };
}
