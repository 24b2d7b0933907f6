import { createHmac, timingSafeEqual } from "node:crypto";

/** Headers a PBX/SBC sends with every telephony event request. */
export const timestampHeader = "X-Sigap-Timestamp";
export const signatureHeader = "X-Sigap-Signature";

/** How far a request's timestamp may be from the platform's clock, either way: older is a replay. */
export const timestampToleranceSeconds = 5 * 60;

/**
 * The signature of a request: HMAC-SHA256 with the trunk's event secret over the timestamp (Unix
 * seconds, as sent), a dot and the raw body, as `sha256=<hex>`. Signing the timestamp with the body
 * means a captured request cannot be replayed later with a fresh timestamp.
 */
export function signTelephonyRequest(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** Whether `signature` was made with one of `secrets` (during a rotation, two are valid). */
export function signatureMatches(
  secrets: readonly string[],
  timestamp: string,
  body: string,
  signature: string,
): boolean {
  const given = Buffer.from(signature);
  return secrets.some((secret) => {
    const expected = Buffer.from(signTelephonyRequest(secret, timestamp, body));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/** Whether `timestamp` (Unix seconds as sent) is within the tolerance of `now`. */
export function timestampFresh(timestamp: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) <= timestampToleranceSeconds;
}
