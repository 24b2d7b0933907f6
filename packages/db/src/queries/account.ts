import { and, eq } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { sessions, users } from "../schema/users.ts";

/** Creates a person's account (on accepting an invitation); null if the email is already taken. */
export async function insertUser(
  db: Executor,
  user: { email: string; displayName: string; passwordHash: string; locale: "id" | "en" },
) {
  const [row] = await db
    .insert(users)
    .values({ ...user, email: user.email.trim().toLowerCase() })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function updateUserProfile(
  db: Executor,
  userId: string,
  profile: { displayName: string; locale: "id" | "en" },
): Promise<void> {
  await db.update(users).set(profile).where(eq(users.id, userId));
}

export async function setUserPassword(
  db: Executor,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Ends one of a user's own sessions; false if no such session belongs to them. */
export async function deleteOwnSession(
  db: Executor,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}
