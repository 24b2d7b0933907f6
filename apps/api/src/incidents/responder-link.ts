import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { AppConfig } from "../config.ts";

/** How long a responder link opens its assignment: a shift and then some. */
export const responderLinkLifetimeMs = 24 * 60 * 60 * 1000;

type Keys = AppConfig["secretKeys"];

export interface ResponderLinkClaim {
  tenantId: string;
  assignmentId: string;
}

/** A key of its own per ring key, so a link's MAC can never be mistaken for any other use of the ring. */
function linkKey(key: Uint8Array): Buffer {
  return Buffer.from(hkdfSync("sha256", key, new Uint8Array(0), "sigap responder link v1", 32));
}

function mac(key: Uint8Array, payload: string): Buffer {
  return createHmac("sha256", linkKey(key)).update(payload).digest();
}

/**
 * The token of a responder link: whoever holds it may read and report on this one assignment until
 * it expires, without a password (a responder opens it on a phone from the notification). It names
 * the signing key, so links outlive a key rotation as long as the old key stays in the ring.
 */
export function responderLinkToken(keys: Keys, claim: ResponderLinkClaim, expiresAt: Date): string {
  const [current] = keys;
  if (!current) throw new Error("The secret key ring is empty");
  const payload = [
    claim.tenantId,
    claim.assignmentId,
    String(Math.floor(expiresAt.getTime() / 1000)),
    current.id,
  ].join(".");
  return `${Buffer.from(payload).toString("base64url")}.${mac(current.key, payload).toString("base64url")}`;
}

/** The assignment a token opens, or null for a token that is forged, altered, expired or signed with an unknown key. */
export function readResponderLinkToken(
  keys: Keys,
  token: string,
  now: Date,
): ResponderLinkClaim | null {
  const [encoded, signature, ...rest] = token.split(".");
  if (encoded === undefined || signature === undefined || rest.length > 0) return null;
  const payload = Buffer.from(encoded, "base64url").toString();
  const [tenantId, assignmentId, expires, keyId, ...extra] = payload.split(".");
  if (!tenantId || !assignmentId || !expires || !keyId || extra.length > 0) return null;
  const key = keys.find((candidate) => candidate.id === keyId);
  if (!key) return null;
  const expected = mac(key.key, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!/^\d+$/.test(expires) || Number(expires) * 1000 <= now.getTime()) return null;
  return { tenantId, assignmentId };
}

/** The link a responder opens, on the portal's public origin. */
export function responderLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/respond/${token}`;
}
