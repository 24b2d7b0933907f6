import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { deleteSession, deleteUserSessions, findUserByEmail } from "@sigap/db/queries";
import { decoyPasswordHash, maximumPasswordLength, verifyPassword } from "../../auth/passwords.ts";
import { recordSuccess, takeAttempt, throttleKeys } from "../../auth/throttle.ts";
import {
  createRouter,
  pendingSecondFactorProcedure,
  publicProcedure,
  secondFactorStep,
  signedInProcedure,
} from "../init.ts";
import { startSession } from "../start-session.ts";

const signInInput = z.object({
  email: z.email({ error: "email must be an email address" }).max(320),
  password: z.string().min(1, "password is required").max(maximumPasswordLength),
});

/** One message for every failed sign-in, so it never tells whether an account exists. */
const invalidCredentials = "Email or password is wrong";

export const authRouter = createRouter({
  /**
   * Email + password. Returns what sign-in still needs: nothing, a TOTP code (`challenge`), or
   * TOTP enrolment (`enrol`, for roles that require a second factor). Always starts a new session.
   */
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const now = new Date();
    const keys = throttleKeys(input.email, ctx.meta.ip);
    await takeAttempt(ctx.db, keys, now);

    const user = await findUserByEmail(ctx.db, input.email);
    const passwordOk = await verifyPassword(
      user?.passwordHash ?? decoyPasswordHash,
      input.password,
    );
    if (!user || !user.passwordHash || !passwordOk || user.deactivatedAt) {
      await ctx.audit({
        action: "auth.signInFailed",
        targetType: "email",
        targetId: input.email.toLowerCase(),
      });
      throw new TRPCError({ code: "UNAUTHORIZED", message: invalidCredentials });
    }
    await recordSuccess(ctx.db, keys);

    const next = await startSession(ctx, user, now);
    await ctx.audit({ action: "auth.signIn", targetType: "user", targetId: user.id });
    return { next };
  }),

  /** Ends this session. */
  signOut: pendingSecondFactorProcedure.mutation(async ({ ctx }) => {
    await deleteSession(ctx.db, ctx.auth.session.id);
    ctx.cookie.clear();
    await ctx.audit({
      action: "auth.signOut",
      targetType: "session",
      targetId: ctx.auth.session.id,
    });
    return { signedOut: true };
  }),

  /** Ends every session of this person, this one included. */
  signOutEverywhere: signedInProcedure.mutation(async ({ ctx }) => {
    const ended = await deleteUserSessions(ctx.db, ctx.auth.user.id);
    ctx.cookie.clear();
    await ctx.audit({
      action: "auth.signOutEverywhere",
      targetType: "user",
      targetId: ctx.auth.user.id,
      after: { ended },
    });
    return { ended };
  }),

  /** Who is signed in, whether a second factor is still owed, and the tenants they work in. */
  me: pendingSecondFactorProcedure.query(async ({ ctx }) => {
    const memberships = await ctx.memberships();
    return {
      user: {
        id: ctx.auth.user.id,
        email: ctx.auth.user.email,
        displayName: ctx.auth.user.displayName,
        locale: ctx.auth.user.locale,
        platformRole: ctx.auth.user.platformRole,
        twoFactorEnabled: ctx.auth.user.totpKeyEncrypted !== null,
      },
      secondFactor: secondFactorStep(ctx.auth, memberships),
      tenants: memberships.map((m) => ({
        slug: m.slug,
        displayName: m.displayName,
        role: m.role,
        timeZone: m.timeZone,
      })),
    } as const;
  }),
});
