import { inArray, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { loginThrottles } from "../schema/users.ts";

export function findThrottles(db: Executor, keys: string[]) {
  return db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys));
}

/** Counts one more failure for `key` and locks it until `lockedUntil(failures)` (null: no lock). */
export async function recordThrottleFailure(
  db: Executor,
  key: string,
  now: Date,
  lockFor: (failures: number) => number | null,
): Promise<void> {
  const [row] = await db
    .insert(loginThrottles)
    .values({ key, failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: { failures: sql`${loginThrottles.failures} + 1`, updatedAt: now },
    })
    .returning({ failures: loginThrottles.failures });
  const lockMs = row ? lockFor(row.failures) : null;
  if (lockMs !== null) {
    await db
      .update(loginThrottles)
      .set({ lockedUntil: new Date(now.getTime() + lockMs) })
      .where(inArray(loginThrottles.key, [key]));
  }
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottles).where(inArray(loginThrottles.key, [key]));
}
