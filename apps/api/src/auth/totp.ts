import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { renderSVG } from "uqr";
import type { Executor } from "@sigap/db/client";
import { activatePendingTotpKey, claimTotpStep } from "@sigap/db/queries";
import type { SecretBox } from "../security/secret-box.ts";

// RFC 6238 defaults (30 s, 6 digits, HMAC-SHA-1): the only settings every authenticator app honours.
export const totpPeriodSeconds = 30;
const totpDigits = 6;
const totpKeyBytes = 20;
const issuer = "Sigap 112";

/** Bound into the ciphertext, so a sealed key copied onto another person's row will not open. */
function keyContext(userId: string): string {
  return `users.totp_key:${userId}`;
}

export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / (totpPeriodSeconds * 1000));
}

/** Six digits, spaces allowed (apps show "123 456"); anything else is not a TOTP code. */
export function asTotpCode(input: string): string | null {
  const code = input.replace(/\s/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

/** A fresh key for enrolment: sealed for storage, and as the QR code and text the person sees. */
export function newTotpEnrolment(box: SecretBox, user: { id: string; email: string }) {
  const key = crypto.getRandomValues(new Uint8Array(totpKeyBytes));
  const otpauthUri = createTOTPKeyURI(issuer, user.email, key, totpPeriodSeconds, totpDigits);
  return {
    sealedKey: box.encrypt(key, keyContext(user.id)),
    otpauthUri,
    qrSvg: renderSVG(otpauthUri, { border: 2 }),
    // Grouped in fours for people typing it into an app by hand.
    manualKey: encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?=.)/g, "$1 "),
  };
}

/**
 * The time step `code` was generated for, among the previous, current and next step (clock drift),
 * if that step is later than `lastStep`; otherwise null. Every candidate is compared, in constant
 * time, so the answer's timing says nothing about which step matched.
 */
function matchingStep(
  key: Uint8Array,
  code: string,
  now: Date,
  lastStep: number | null,
): number | null {
  const current = totpStepAt(now);
  const encoder = new TextEncoder();
  let matched: number | null = null;
  for (const step of [current - 1, current, current + 1]) {
    const expected = generateHOTP(key, BigInt(step), totpDigits);
    if (
      constantTimeEqual(encoder.encode(expected), encoder.encode(code)) &&
      (lastStep === null || step > lastStep)
    )
      matched = step;
  }
  return matched;
}

export interface TotpAttempt {
  userId: string;
  /** The sealed key to check against: the active key, or the pending one while enrolling. */
  sealedKey: string;
  /** `active`: a sign-in or confirmation code; `pending`: the first code, which activates the key. */
  keyState: "active" | "pending";
  lastStep: number | null;
  code: string;
  now: Date;
}

/**
 * The one place a TOTP code is accepted. A code counts once only: its time step must be later than
 * the last accepted one, and it is claimed with a conditional UPDATE, so a replayed code (even two
 * requests racing with the same code) is refused. Accepting a pending key's code activates that key.
 */
export async function acceptTotpCode(
  db: Executor,
  box: SecretBox,
  attempt: TotpAttempt,
): Promise<boolean> {
  const code = asTotpCode(attempt.code);
  if (!code) return false;
  const key = box.decrypt(attempt.sealedKey, keyContext(attempt.userId));
  const step = matchingStep(
    key,
    code,
    attempt.now,
    attempt.keyState === "pending" ? null : attempt.lastStep,
  );
  if (step === null) return false;
  return attempt.keyState === "pending"
    ? activatePendingTotpKey(db, attempt.userId, attempt.sealedKey, step)
    : claimTotpStep(db, attempt.userId, attempt.sealedKey, step);
}
