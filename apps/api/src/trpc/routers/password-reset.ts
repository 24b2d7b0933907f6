import { setTimeout as sleep } from "node:timers/promises";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  consumePasswordReset,
  deleteUserSessions,
  findPasswordReset,
  findRecentPasswordReset,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  retireUserPasswordResets,
  setUserPassword,
} from "@sigap/db/queries";
import { hashPassword, judgePassword, maximumPasswordLength } from "../../auth/passwords.ts";
import { hashToken, randomToken } from "../../auth/tokens.ts";
import { passwordResetMail } from "../../mail/templates.ts";
import { sendMail } from "../../mail/send.ts";
import { fieldError } from "../field-error.ts";
import { createRouter, publicProcedure } from "../init.ts";

export const resetLifetimeMs = 60 * 60 * 1000;
/** One reset mail per account per minute at most, so nobody can flood someone's mailbox. */
const resendIntervalMs = 60 * 1000;
/**
 * Every request answers after at least this long, whether an account exists or not, so response
 * time does not tell (a known email costs a few inserts more). A slow SMTP relay can still exceed
 * it; the outbox and a healthy relay stay under.
 */
const responseFloorMs = 300;

const invalidLink = "This password reset link is not valid";

export const passwordResetRouter = createRouter({
  /**
   * Mails a single-use reset link valid for one hour to an active account with this email. Always
   * answers `{ sent: true }`, so it never tells whether an account exists.
   */
  request: publicProcedure
    .input(z.object({ email: z.email({ error: "email must be an email address" }).max(320) }))
    .mutation(async ({ ctx, input }) => {
      const started = performance.now();
      const email = input.email.trim().toLowerCase();
      const now = new Date();
      const user = await findUserByEmail(ctx.db, email);
      const mailed =
        user !== undefined &&
        user.deactivatedAt === null &&
        (await findRecentPasswordReset(
          ctx.db,
          user.id,
          new Date(now.getTime() - resendIntervalMs),
        )) === undefined;
      if (mailed) {
        const token = randomToken();
        const expiresAt = new Date(now.getTime() + resetLifetimeMs);
        await insertPasswordReset(ctx.db, {
          tokenHash: hashToken(token),
          userId: user.id,
          expiresAt,
          createdAt: now,
        });
        await sendMail(
          { db: ctx.db, config: ctx.config, log: ctx.log },
          passwordResetMail({
            to: user.email,
            link: `${ctx.config.publicUrl}/reset-password/${token}`,
            expiresAt,
          }),
        );
      }
      await ctx.audit({
        action: "passwordReset.request",
        targetType: "email",
        targetId: email,
        after: { mailed },
      });
      await sleep(Math.max(0, responseFloorMs - (performance.now() - started)));
      return { sent: true as const };
    }),

  /**
   * Sets a new password with a reset link: once, within the hour. Ends every session of the
   * account and does NOT sign in: the person signs in next with the new password, so a mailbox
   * alone never gets past the second factor.
   */
  complete: publicProcedure
    .input(
      z.object({
        token: z.string().min(1, "token is required").max(200),
        password: z.string().min(1, "password is required").max(maximumPasswordLength),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const now = new Date();
      const tokenHash = hashToken(input.token);
      const reset = await findPasswordReset(ctx.db, tokenHash);
      const user = reset && (await findUserById(ctx.db, reset.userId));
      if (!reset || !user || user.deactivatedAt)
        throw new TRPCError({ code: "NOT_FOUND", message: invalidLink });
      if (reset.usedAt)
        throw new TRPCError({
          code: "CONFLICT",
          message: "This password reset link has already been used",
        });
      if (reset.expiresAt.getTime() <= now.getTime()) {
        throw new TRPCError({
          code: "CONFLICT",
          message: "This password reset link has expired; ask for a new one",
        });
      }
      const verdict = judgePassword(input.password, [user.email, user.displayName], user.locale);
      if (!verdict.ok) throw fieldError("password", verdict.reason);
      const passwordHash = await hashPassword(input.password);

      const endedSessions = await ctx.db.transaction(async (tx) => {
        if (!(await consumePasswordReset(tx, tokenHash, now))) {
          throw new TRPCError({
            code: "CONFLICT",
            message: "This password reset link has already been used",
          });
        }
        await setUserPassword(tx, user.id, passwordHash);
        await retireUserPasswordResets(tx, user.id, now);
        return deleteUserSessions(tx, user.id);
      });
      if (ctx.auth?.user.id === user.id) ctx.cookie.clear();
      await ctx.audit({
        action: "passwordReset.complete",
        targetType: "user",
        targetId: user.id,
        after: { endedSessions },
      });
      return { passwordChanged: true as const };
    }),
});
