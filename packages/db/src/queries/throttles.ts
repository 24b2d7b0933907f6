import { inArray, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { loginThrottles } from "../schema/users.ts";

/**
 * A leaky bucket per key: `burst` attempts at once, then one more every `intervalMs`; quiet time
 * drains it. `locked_until` is the moment the next attempt is allowed (past while any is left), and
 * `failures` the attempts not yet drained or forgiven.
 */
export interface BucketPolicy {
  burst: number;
  intervalMs: number;
}

/**
 * Takes one attempt from `key`'s bucket, or refuses, in one statement: concurrent attempts queue on
 * the row, so no more than the bucket holds ever get through. True when taken; a refused attempt
 * leaves the bucket as it was, so knocking on a locked door does not extend the lock.
 */
export async function takeThrottleAttempt(
  db: Executor,
  key: string,
  now: Date,
  policy: BucketPolicy,
): Promise<boolean> {
  // The bucket is empty once `locked_until` lies this far back; an attempt moves it one interval on.
  const drainedAt = new Date(now.getTime() - (policy.burst - 1) * policy.intervalMs).toISOString();
  const interval = `${String(policy.intervalMs)} milliseconds`;
  const rows = await db
    .insert(loginThrottles)
    .values({
      key,
      failures: 1,
      lockedUntil: sql`${drainedAt}::timestamptz + ${interval}::interval`,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`case when coalesce(${loginThrottles.lockedUntil} > ${drainedAt}::timestamptz, false)
                           then ${loginThrottles.failures} + 1 else 1 end`,
        lockedUntil: sql`greatest(${loginThrottles.lockedUntil}, ${drainedAt}::timestamptz) + ${interval}::interval`,
        updatedAt: now,
      },
      setWhere: sql`${loginThrottles.lockedUntil} is null or ${loginThrottles.lockedUntil} <= ${now.toISOString()}::timestamptz`,
    })
    .returning({ key: loginThrottles.key });
  return rows.length > 0;
}

/** Gives `key` back one attempt taken from it (one that turned out right, or never went on). */
export async function returnThrottleAttempt(
  db: Executor,
  key: string,
  policy: BucketPolicy,
): Promise<void> {
  await db
    .update(loginThrottles)
    .set({
      failures: sql`greatest(${loginThrottles.failures} - 1, 0)`,
      lockedUntil: sql`${loginThrottles.lockedUntil} - ${`${String(policy.intervalMs)} milliseconds`}::interval`,
    })
    .where(inArray(loginThrottles.key, [key]));
}

/** When `key` next allows an attempt (null: no bucket yet). */
export async function throttleLockedUntil(db: Executor, key: string): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, [key]));
  return row?.lockedUntil ?? null;
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottles).where(inArray(loginThrottles.key, [key]));
}
