import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { passwordResets } from "../schema/users.ts";

export type PasswordResetRow = typeof passwordResets.$inferSelect;

export async function insertPasswordReset(
  db: Executor,
  reset: typeof passwordResets.$inferInsert,
): Promise<void> {
  await db.insert(passwordResets).values(reset);
}

/** The newest reset a user asked for after `since`, if any (to keep a mailbox from being flooded). */
export function findRecentPasswordReset(db: Executor, userId: string, since: Date) {
  return db
    .select({ createdAt: passwordResets.createdAt })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, userId), gt(passwordResets.createdAt, since)))
    .limit(1)
    .then((rows) => rows[0]);
}

export function findPasswordReset(db: Executor, tokenHash: string) {
  return db
    .select()
    .from(passwordResets)
    .where(eq(passwordResets.tokenHash, tokenHash))
    .then((rows) => rows[0]);
}

/**
 * Uses a reset exactly once: of two concurrent attempts only one gets the row back (the second
 * waits on the row lock, then no longer matches `used_at is null`).
 */
export async function consumePasswordReset(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<string | undefined> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .returning({ userId: passwordResets.userId });
  return row?.userId;
}

/** Retires every outstanding reset of a user: after a password change no older link may work. */
export async function retireUserPasswordResets(
  db: Executor,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}
