import { and, eq, gt, isNotNull, ne, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { sessions, users } from "../schema/users.ts";

export type SessionRow = typeof sessions.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export async function insertSession(
  db: Executor,
  session: typeof sessions.$inferInsert,
): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values(session).returning();
  if (!row) throw new Error("session insert returned nothing");
  return row;
}

/** The session with this id and its user, if it exists, has not expired, and the user is active. */
export async function findLiveSession(db: Executor, sessionId: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        gt(sessions.expiresAt, now),
        sql`${users.deactivatedAt} is null`,
      ),
    );
  return row;
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

export async function markSessionTwoFactorVerified(
  db: Executor,
  sessionId: string,
  now: Date,
): Promise<void> {
  await db.update(sessions).set({ twoFactorVerifiedAt: now }).where(eq(sessions.id, sessionId));
}

/**
 * Takes the second-factor mark off every session of a user but `exceptSessionId`: each must prove a
 * code again (or enrol) before acting. Returns how many sessions lost it.
 */
export async function unmarkUserSessionsTwoFactor(
  db: Executor,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ twoFactorVerifiedAt: null })
    .where(
      and(
        eq(sessions.userId, userId),
        isNotNull(sessions.twoFactorVerifiedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, or every one but `exceptSessionId`. Returns how many ended. */
export async function deleteUserSessions(
  db: Executor,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/**
 * Ends every session of a user whom the transaction's tenant has just deactivated, if that leaves
 * them no access anywhere (no active membership in any tenant, no platform role). Someone who still
 * works elsewhere keeps their sessions. The cross-tenant check runs in `end_sessions_without_access`
 * and tells the caller nothing.
 */
export async function endSessionsWithoutAccess(db: Executor, userId: string): Promise<void> {
  await db.execute(sql`select end_sessions_without_access(${userId})`);
}

export function listUserSessions(db: Executor, userId: string, now: Date) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}
