import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { recoveryCodes, users } from "../schema/users.ts";

// Every state change here is a conditional UPDATE: two requests racing with the same code (or the
// same recovery code) cannot both succeed, because only one of them finds the row still matching.

/** Keeps the key shown during enrolment until a first code confirms it. */
export async function setPendingTotpKey(
  db: Executor,
  userId: string,
  sealedKey: string,
): Promise<void> {
  await db.update(users).set({ totpPendingKeyEncrypted: sealedKey }).where(eq(users.id, userId));
}

/**
 * Makes the pending key the active one, remembering the step that confirmed it. False if the
 * pending key changed meanwhile (enrolment restarted elsewhere) or a key is already active.
 */
export async function activatePendingTotpKey(
  db: Executor,
  userId: string,
  sealedPendingKey: string,
  step: number,
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpKeyEncrypted: sealedPendingKey, totpPendingKeyEncrypted: null, totpLastStep: step })
    .where(
      and(
        eq(users.id, userId),
        eq(users.totpPendingKeyEncrypted, sealedPendingKey),
        isNull(users.totpKeyEncrypted),
      ),
    )
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Records `step` as used, only if it is later than every step used before with this same key. */
export async function claimTotpStep(
  db: Executor,
  userId: string,
  sealedKey: string,
  step: number,
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(users.id, userId),
        eq(users.totpKeyEncrypted, sealedKey),
        or(isNull(users.totpLastStep), lt(users.totpLastStep, step)),
      ),
    )
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Turns two-factor off: the key, any pending key and every recovery code go. */
export async function clearTotp(db: Executor, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ totpKeyEncrypted: null, totpPendingKeyEncrypted: null, totpLastStep: null })
    .where(eq(users.id, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** Replaces all of a person's recovery codes (used or not) with new ones, given as hashes. */
export async function replaceRecoveryCodes(
  db: Executor,
  userId: string,
  codeHashes: string[],
): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Spends one recovery code; false if it is not theirs or already spent. */
export async function spendRecoveryCode(
  db: Executor,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ userId: recoveryCodes.userId });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.count ?? 0;
}
