import { TRPCError } from "@trpc/server";
import type { Database } from "@sigap/db/client";
import {
  clearThrottle,
  returnThrottleAttempt,
  takeThrottleAttempt,
  throttleLockedUntil,
  type BucketPolicy,
} from "@sigap/db/queries";
import { RetryAfter } from "./errors.ts";

/**
 * Sign-in throttling, per account and per address, kept in Postgres so it holds across restarts and
 * API processes. Each is a leaky bucket: a burst of attempts, then one per interval, and quiet time
 * forgives. An account is strict: five tries, then one every ten minutes. An address is shared by a
 * whole call centre behind one NAT, so it holds a hundred and drains one every 30 s (empty again
 * after 50 quiet minutes); a day of ordinary typos there never adds up to a lockout.
 */
const policies = {
  account: { burst: 5, intervalMs: 10 * 60_000 },
  ip: { burst: 100, intervalMs: 30_000 },
} as const satisfies Record<string, BucketPolicy>;

type Kind = keyof typeof policies;
type ThrottleKey = { kind: Kind; key: string };

export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  return [
    { kind: "account", key: `account:${email.trim().toLowerCase()}` },
    ...(ip ? [{ kind: "ip" as const, key: `ip:${ip}` }] : []),
  ];
}

/**
 * Counts an attempt against every key before the secret is checked, or throws TOO_MANY_REQUESTS
 * (saying when to retry) when any key has none left. Taking the attempt first, atomically, is what
 * keeps concurrent guesses from all being checked against one remaining try.
 */
export async function takeAttempt(db: Database, keys: ThrottleKey[], now: Date): Promise<void> {
  const taken: ThrottleKey[] = [];
  for (const throttle of keys) {
    if (await takeThrottleAttempt(db, throttle.key, now, policies[throttle.kind])) {
      taken.push(throttle);
      continue;
    }
    // This attempt goes no further, so the keys that let it through get it back.
    for (const given of taken) await returnThrottleAttempt(db, given.key, policies[given.kind]);
    const lockedUntil = await throttleLockedUntil(db, throttle.key);
    const seconds = Math.max(
      1,
      Math.ceil(((lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000),
    );
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `Too many attempts; try again in ${String(seconds)} s`,
      cause: new RetryAfter(seconds),
    });
  }
}

/**
 * A right password or code: the account's mistakes are forgiven, and the address gets this
 * attempt back (its other failures still drain with time, not with someone else's success).
 */
export async function recordSuccess(db: Database, keys: ThrottleKey[]): Promise<void> {
  for (const { kind, key } of keys) {
    if (kind === "account") await clearThrottle(db, key);
    else await returnThrottleAttempt(db, key, policies[kind]);
  }
}
