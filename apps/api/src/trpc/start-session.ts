import { deleteSession, listUserTenants, markSessionTwoFactorVerified, type UserRow } from "@sigap/db/queries";
import { createSession } from "../auth/sessions.ts";
import { needsSecondFactor, type TrpcContext } from "./init.ts";

/** What sign-in still needs once the password (or invitation) is accepted. */
export type SignInNext = "done" | "challenge" | "enrol";

/**
 * Signs `user` in on this browser and says what sign-in still needs. A session presented before is
 * never promoted (fixation); it simply ends. The new session starts with its second factor owed and
 * is marked verified only when none is owed, because user_tenants() answers only for a live session.
 */
export async function startSession(ctx: TrpcContext, user: UserRow, now = new Date()): Promise<SignInNext> {
  if (ctx.auth) await deleteSession(ctx.db, ctx.auth.session.id);
  const { token, session } = await createSession(
    ctx.db,
    user.id,
    { ip: ctx.meta.ip, userAgent: ctx.meta.userAgent, twoFactorVerified: false },
    now,
  );
  const secondFactorOwed = needsSecondFactor(user, await listUserTenants(ctx.db, token));
  if (!secondFactorOwed) await markSessionTwoFactorVerified(ctx.db, session.id, now);
  ctx.cookie.set(token);
  return !secondFactorOwed ? "done" : user.totpKeyEncrypted ? "challenge" : "enrol";
}
