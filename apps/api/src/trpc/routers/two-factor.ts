import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  clearTotp,
  countUnusedRecoveryCodes,
  markSessionTwoFactorVerified,
  replaceRecoveryCodes,
  setPendingTotpKey,
  spendRecoveryCode,
} from "@sigap/db/queries";
import { hashRecoveryCode, newRecoveryCodes } from "../../auth/recovery-codes.ts";
import type { ValidSession } from "../../auth/sessions.ts";
import { recordSuccess, takeAttempt, throttleKeys } from "../../auth/throttle.ts";
import { acceptTotpCode, asTotpCode, newTotpEnrolment } from "../../auth/totp.ts";
import { createSecretBox } from "../../security/secret-box.ts";
import {
  createRouter,
  pendingSecondFactorProcedure,
  rolesRequireSecondFactor,
  signedInProcedure,
  type AuditInput,
  type TrpcContext,
} from "../init.ts";

const codeInput = z.object({
  code: z
    .string()
    .trim()
    .min(6, "code must be a 6-digit code or a recovery code")
    .max(32, "code is too long"),
});

type CodeContext = TrpcContext & {
  auth: ValidSession;
  audit: (entry: AuditInput) => Promise<void>;
};

/**
 * Checks a second-factor code under the sign-in throttle: guesses at a 6-digit code are as
 * dangerous as guesses at a password, so they count against the same account and address. Throws
 * TOO_MANY_REQUESTS while locked, UNAUTHORIZED "Invalid code" (audited) on a wrong code.
 * `accept` decides whether the code is right and claims it.
 */
async function checkCode(
  ctx: CodeContext,
  during: string,
  accept: () => Promise<boolean>,
): Promise<void> {
  const keys = throttleKeys(ctx.auth.user.email, ctx.meta.ip);
  await takeAttempt(ctx.db, keys, new Date());
  if (await accept()) {
    await recordSuccess(ctx.db, keys);
    return;
  }
  await ctx.audit({
    action: "twoFactor.codeRejected",
    targetType: "user",
    targetId: ctx.auth.user.id,
    after: { during },
  });
  throw new TRPCError({ code: "UNAUTHORIZED", message: "Invalid code" });
}

/**
 * A code from the authenticator app or, when the app is lost, an unused recovery code. Returns
 * which one was used.
 */
async function checkSecondFactor(
  ctx: CodeContext,
  during: string,
  code: string,
): Promise<"totp" | "recovery"> {
  const { user } = ctx.auth;
  const sealedKey = user.totpKeyEncrypted;
  if (!sealedKey)
    throw new TRPCError({ code: "CONFLICT", message: "Two-factor authentication is not enabled" });
  const method = asTotpCode(code) ? "totp" : "recovery";
  await checkCode(ctx, during, () =>
    method === "totp"
      ? acceptTotpCode(ctx.db, createSecretBox(ctx.config.secretKeys), {
          userId: user.id,
          sealedKey,
          keyState: "active",
          lastStep: user.totpLastStep,
          code,
          now: new Date(),
        })
      : spendRecoveryCode(ctx.db, user.id, hashRecoveryCode(code), new Date()),
  );
  return method;
}

export const twoFactorRouter = createRouter({
  /** Whether two-factor is on, required by one's roles, and how many recovery codes are left. */
  status: pendingSecondFactorProcedure.query(async ({ ctx }) => {
    const { user } = ctx.auth;
    return {
      enabled: user.totpKeyEncrypted !== null,
      enrolmentPending: user.totpPendingKeyEncrypted !== null,
      required: rolesRequireSecondFactor(user, await ctx.memberships()),
      recoveryCodesLeft: user.totpKeyEncrypted
        ? await countUnusedRecoveryCodes(ctx.db, user.id)
        : 0,
    };
  }),

  /**
   * Starts (or restarts) enrolment with a new key, shown as a QR code and as text. Refused once a
   * key is active: replacing it would let someone holding only the password take over the account.
   */
  beginEnrolment: pendingSecondFactorProcedure.mutation(async ({ ctx }) => {
    const { user } = ctx.auth;
    if (user.totpKeyEncrypted)
      throw new TRPCError({
        code: "CONFLICT",
        message: "Two-factor authentication is already enabled",
      });
    const { sealedKey, otpauthUri, qrSvg, manualKey } = newTotpEnrolment(
      createSecretBox(ctx.config.secretKeys),
      user,
    );
    await setPendingTotpKey(ctx.db, user.id, sealedKey);
    await ctx.audit({ action: "twoFactor.beginEnrolment", targetType: "user", targetId: user.id });
    return { otpauthUri, qrSvg, manualKey };
  }),

  /**
   * Confirms enrolment with a first code from the app: the key becomes active, this session counts
   * as verified, and ten recovery codes are returned. They are shown this once; only hashes stay.
   */
  confirmEnrolment: pendingSecondFactorProcedure
    .input(codeInput)
    .mutation(async ({ ctx, input }) => {
      const { user, session } = ctx.auth;
      if (user.totpKeyEncrypted)
        throw new TRPCError({
          code: "CONFLICT",
          message: "Two-factor authentication is already enabled",
        });
      const sealedKey = user.totpPendingKeyEncrypted;
      if (!sealedKey) throw new TRPCError({ code: "CONFLICT", message: "Start enrolment first" });

      let recoveryCodes: string[] = [];
      await checkCode(ctx, "confirmEnrolment", () =>
        ctx.db.transaction(async (tx) => {
          const now = new Date();
          const accepted = await acceptTotpCode(tx, createSecretBox(ctx.config.secretKeys), {
            userId: user.id,
            sealedKey,
            keyState: "pending",
            lastStep: null,
            code: input.code,
            now,
          });
          if (!accepted) return false;
          const fresh = newRecoveryCodes();
          await replaceRecoveryCodes(tx, user.id, fresh.hashes);
          await markSessionTwoFactorVerified(tx, session.id, now);
          recoveryCodes = fresh.codes;
          return true;
        }),
      );
      await ctx.audit({ action: "twoFactor.enable", targetType: "user", targetId: user.id });
      return { recoveryCodes };
    }),

  /**
   * The sign-in challenge: a code from the app (each code works once) or an unused recovery code.
   * On success this session may do everything its roles allow.
   */
  verify: pendingSecondFactorProcedure.input(codeInput).mutation(async ({ ctx, input }) => {
    const method = await checkSecondFactor(ctx, "verify", input.code);
    await markSessionTwoFactorVerified(ctx.db, ctx.auth.session.id, new Date());
    await ctx.audit({
      action: "twoFactor.verify",
      targetType: "session",
      targetId: ctx.auth.session.id,
      after: { method },
    });
    return {
      verified: true,
      method,
      recoveryCodesLeft:
        method === "recovery" ? await countUnusedRecoveryCodes(ctx.db, ctx.auth.user.id) : null,
    };
  }),

  /** Turns two-factor off, for people whose roles do not require it; needs a current code. */
  disable: signedInProcedure.input(codeInput).mutation(async ({ ctx, input }) => {
    const { user } = ctx.auth;
    if (rolesRequireSecondFactor(user, await ctx.memberships())) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: "Your role requires two-factor authentication",
      });
    }
    const method = await checkSecondFactor(ctx, "disable", input.code);
    await ctx.db.transaction((tx) => clearTotp(tx, user.id));
    await ctx.audit({
      action: "twoFactor.disable",
      targetType: "user",
      targetId: user.id,
      after: { method },
    });
    return { enabled: false };
  }),

  /** Replaces every recovery code with ten new ones (shown this once); needs a current code. */
  regenerateRecoveryCodes: signedInProcedure.input(codeInput).mutation(async ({ ctx, input }) => {
    const { user } = ctx.auth;
    const method = await checkSecondFactor(ctx, "regenerateRecoveryCodes", input.code);
    const { codes, hashes } = newRecoveryCodes();
    await ctx.db.transaction((tx) => replaceRecoveryCodes(tx, user.id, hashes));
    await ctx.audit({
      action: "twoFactor.regenerateRecoveryCodes",
      targetType: "user",
      targetId: user.id,
      after: { method },
    });
    return { recoveryCodes: codes };
  }),
});
