import type { Database } from "@sigap/db/client";
import { clearThrottle, findThrottles, recordThrottleFailure } from "@sigap/db/queries";

/**
 * Sign-in back-off, per account and per IP address, kept in Postgres so it holds across restarts
 * and API processes. An account gets a few free mistakes, then waits 30 s, 1 min, 2 min… up to an
 * hour; an address (a call centre shares one) gets more before the same curve starts.
 */
const policies = {
  account: { freeFailures: 4, firstLockMs: 30_000, maxLockMs: 60 * 60_000 },
  ip: { freeFailures: 30, firstLockMs: 30_000, maxLockMs: 60 * 60_000 },
} as const;

type Kind = keyof typeof policies;

export function throttleKeys(email: string, ip: string | null): { kind: Kind; key: string }[] {
  return [
    { kind: "account", key: `account:${email.trim().toLowerCase()}` },
    ...(ip ? [{ kind: "ip" as const, key: `ip:${ip}` }] : []),
  ];
}

function lockFor(kind: Kind) {
  const policy = policies[kind];
  return (failures: number) => {
    const over = failures - policy.freeFailures;
    if (over <= 0) return null;
    return Math.min(policy.firstLockMs * 2 ** (over - 1), policy.maxLockMs);
  };
}

/** Seconds until the next attempt is allowed for any of the keys, or 0. */
export async function secondsUntilAllowed(db: Database, keys: { key: string }[], now: Date): Promise<number> {
  const rows = await findThrottles(
    db,
    keys.map((k) => k.key),
  );
  const until = Math.max(0, ...rows.map((row) => (row.lockedUntil ? row.lockedUntil.getTime() : 0)));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailure(db: Database, keys: { kind: Kind; key: string }[], now: Date): Promise<void> {
  for (const { kind, key } of keys) await recordThrottleFailure(db, key, now, lockFor(kind));
}

/** A successful sign-in forgives the account's mistakes (not the address's). */
export async function recordSuccess(db: Database, keys: { kind: Kind; key: string }[]): Promise<void> {
  for (const { kind, key } of keys) if (kind === "account") await clearThrottle(db, key);
}
