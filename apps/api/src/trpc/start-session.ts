import { deleteSession, listUserTenants, type UserRow } from "@sigap/db/queries";
import { createSession } from "../auth/sessions.ts";
import { secondFactorStep, type TrpcContext } from "./init.ts";

/** What sign-in still needs once the password (or invitation) is accepted. */
export type SignInNext = "done" | "challenge" | "enrol";

/**
 * Signs `user` in on this browser and says what sign-in still needs. A session presented before is
 * never promoted (fixation); it simply ends. The new session carries no second-factor mark: only a
 * code proven in it sets one, and whether one is owed is judged on every request from current roles.
 */
export async function startSession(
  ctx: TrpcContext,
  user: UserRow,
  now = new Date(),
): Promise<SignInNext> {
  if (ctx.auth) await deleteSession(ctx.db, ctx.auth.session.id);
  const { token, session } = await createSession(
    ctx.db,
    user.id,
    { ip: ctx.meta.ip, userAgent: ctx.meta.userAgent },
    now,
  );
  ctx.cookie.set(token);
  return secondFactorStep({ session, user, token }, await listUserTenants(ctx.db, token));
}
