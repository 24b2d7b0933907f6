import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  deleteOwnSession,
  deleteUserSessions,
  listUserSessions,
  retireUserPasswordResets,
  setUserPassword,
  updateUserProfile,
} from "@sigap/db/queries";
import {
  hashPassword,
  judgePassword,
  maximumPasswordLength,
  verifyPassword,
} from "../../auth/passwords.ts";
import { recordSuccess, takeAttempt, throttleKeys } from "../../auth/throttle.ts";
import { singleLine } from "../../validation/text.ts";
import { fieldError } from "../field-error.ts";
import { createRouter, signedInProcedure } from "../init.ts";

export const accountRouter = createRouter({
  /** One's own name and language. */
  updateProfile: signedInProcedure
    .input(
      z.object({
        displayName: z
          .string()
          .trim()
          .min(1, "displayName is required")
          .max(100)
          .refine(...singleLine("displayName")),
        locale: z.enum(["id", "en"], { error: "locale must be id or en" }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { user } = ctx.auth;
      await updateUserProfile(ctx.db, user.id, input);
      await ctx.audit({
        action: "account.updateProfile",
        targetType: "user",
        targetId: user.id,
        before: { displayName: user.displayName, locale: user.locale },
        after: input,
      });
      return input;
    }),

  /**
   * Changes one's password, proven by the current one (wrong guesses count toward sign-in
   * throttling, so a borrowed session cannot be used to guess it). Every other session ends.
   */
  changePassword: signedInProcedure
    .input(
      z.object({
        currentPassword: z
          .string()
          .min(1, "currentPassword is required")
          .max(maximumPasswordLength),
        newPassword: z.string().min(1, "newPassword is required").max(maximumPasswordLength),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { user, session } = ctx.auth;
      const now = new Date();
      const keys = throttleKeys(user.email, ctx.meta.ip);
      await takeAttempt(ctx.db, keys, now);
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw fieldError("currentPassword", "The current password is wrong");
      }
      await recordSuccess(ctx.db, keys);
      const verdict = judgePassword(input.newPassword, [user.email, user.displayName], user.locale);
      if (!verdict.ok) throw fieldError("newPassword", verdict.reason);
      const passwordHash = await hashPassword(input.newPassword);
      const endedSessions = await ctx.db.transaction(async (tx) => {
        await setUserPassword(tx, user.id, passwordHash);
        await retireUserPasswordResets(tx, user.id, now);
        return deleteUserSessions(tx, user.id, session.id);
      });
      await ctx.audit({
        action: "account.changePassword",
        targetType: "user",
        targetId: user.id,
        after: { endedSessions },
      });
      return { endedSessions };
    }),

  /** One's active sessions, newest use first; `current` marks the one making this request. */
  sessions: signedInProcedure.query(async ({ ctx }) => {
    const sessions = await listUserSessions(ctx.db, ctx.auth.user.id, new Date());
    return sessions.map((session) => ({ ...session, current: session.id === ctx.auth.session.id }));
  }),

  /** Ends one of one's own sessions (another person's session id is NOT_FOUND). */
  revokeSession: signedInProcedure
    .input(z.object({ sessionId: z.string().min(1, "sessionId is required").max(100) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await deleteOwnSession(ctx.db, ctx.auth.user.id, input.sessionId))) {
        throw new TRPCError({ code: "NOT_FOUND", message: "No such session" });
      }
      const current = input.sessionId === ctx.auth.session.id;
      if (current) ctx.cookie.clear();
      await ctx.audit({
        action: "account.revokeSession",
        targetType: "session",
        targetId: input.sessionId,
        after: { revoked: true, current },
      });
      return { revoked: true, current };
    }),
});
