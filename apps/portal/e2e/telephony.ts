import { randomUUID } from "node:crypto";
// The API's own signing, so the test signs exactly as a region's switch must.
import { signTelephonyRequest } from "../../api/src/telephony/signature.ts";
import { freshDid } from "../../api/test/numbers.ts";
import { sampleTrunkInput } from "../../api/test/telephony/sample-trunk.ts";

/** Where the caller's phone says it is, as a switch reports it with a call. */
export interface DeviceLocation {
  latitude: number;
  longitude: number;
  accuracyMeters: number;
  fixedAt: string;
  positioningMethod: string;
}

/** A satellite fix of the caller's phone, taken now (the call panel draws it on its map). */
export function deviceFix(): DeviceLocation {
  return {
    latitude: -7.4478,
    longitude: 112.7183,
    accuracyMeters: 35,
    fixedAt: new Date().toISOString(),
    positioningMethod: "gnss",
  };
}

/** One telephony event of call `callId` on `did`, now (or `at`), posted through the portal's origin and signed with `secret`. */
export async function reportCallEvent(
  portalUrl: string,
  secret: string,
  event: {
    type: string;
    callId: string;
    did: string;
    caller?: string;
    seat?: string;
    at?: Date;
    location?: DeviceLocation;
  },
): Promise<number> {
  const { at, ...fields } = event;
  const body = JSON.stringify({
    eventId: randomUUID(),
    occurredAt: (at ?? new Date()).toISOString(),
    ...fields,
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(`${portalUrl}/v1/telephony/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-sigap-timestamp": timestamp,
      "x-sigap-signature": signTelephonyRequest(secret, timestamp, body),
    },
    body,
  });
  return response.status;
}

/**
 * A trunk with one fresh DID and its event secret, made as the tenant's admin would through the
 * API (`adminCookie`: a session past the second factor).
 */
export async function arrangeTrunk(
  portalUrl: string,
  adminCookie: string,
  tenantSlug: string,
): Promise<{ did: string; secret: string }> {
  const mutate = async (path: string, input: Record<string, unknown>) => {
    const response = await fetch(`${portalUrl}/trpc/trunks.${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: adminCookie,
        "sec-fetch-site": "same-origin",
      },
      body: JSON.stringify({ tenantSlug, ...input }),
    });
    const body = (await response.json()) as { result?: { data: Record<string, unknown> } };
    if (!body.result)
      throw new Error(`trunks.${path}: ${String(response.status)} ${JSON.stringify(body)}`);
    return body.result.data;
  };
  const trunk = await mutate("create", sampleTrunkInput);
  const did = freshDid();
  await mutate("setDids", { trunkId: trunk.id, dids: [did] });
  const { eventSecret } = await mutate("rotateEventSecret", { trunkId: trunk.id });
  return { did, secret: eventSecret as string };
}
