import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  appendTenantAudit,
  claimInvitation,
  findInvitationByTokenHash,
  findMembership,
  findUserByEmail,
  insertUser,
  upsertMembership,
  type InvitationByToken,
} from "@sigap/db/queries";
import { asTenantId, withTenant } from "@sigap/tenancy";
import {
  hashPassword,
  judgePassword,
  maximumPasswordLength,
  verifyPassword,
} from "../../auth/passwords.ts";
import { redactSecrets } from "../../auth/redact.ts";
import { secureSessionsAfterRoleChange } from "../../auth/sessions.ts";
import { recordSuccess, takeAttempt, throttleKeys } from "../../auth/throttle.ts";
import { hashToken } from "../../auth/tokens.ts";
import { singleLine } from "../../validation/text.ts";
import { fieldError } from "../field-error.ts";
import { createRouter, publicProcedure } from "../init.ts";
import { startSession } from "../start-session.ts";

type InvitationStatus = "valid" | "expired" | "used" | "revoked";

function statusOf(invitation: InvitationByToken, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

const unusable: Record<Exclude<InvitationStatus, "valid">, string> = {
  used: "This invitation has already been used",
  expired: "This invitation has expired; ask for a new one",
  revoked: "This invitation was withdrawn; ask for a new one",
};

const tokenInput = z.object({ token: z.string().min(1, "token is required").max(200) });

async function findByToken(db: Parameters<typeof findInvitationByTokenHash>[0], token: string) {
  const invitation = await findInvitationByTokenHash(db, hashToken(token));
  if (!invitation) throw new TRPCError({ code: "NOT_FOUND", message: "No such invitation" });
  return invitation;
}

export const invitationsRouter = createRouter({
  /**
   * What an invitation link offers, for the acceptance page. `hasAccount` tells the page which form
   * to show: a new account (name + new password) or the existing account's current password. Only
   * the token holder, i.e. the invitee, learns it, about their own email. A used, expired or
   * withdrawn link says only that, and whose region it was: links linger in mailboxes and
   * browser histories, and nothing personal should outlive its use.
   */
  preview: publicProcedure.input(tokenInput).query(async ({ ctx, input }) => {
    const invitation = await findByToken(ctx.db, input.token);
    const status = statusOf(invitation, new Date());
    if (status !== "valid") return { status, tenantName: invitation.tenantName };
    const account = await findUserByEmail(ctx.db, invitation.email);
    return {
      status,
      tenantName: invitation.tenantName,
      email: invitation.email,
      role: invitation.role,
      agencyId: invitation.agencyId,
      expiresAt: invitation.expiresAt,
      hasAccount: account !== undefined,
    };
  }),

  /**
   * Accepts an invitation once, before it expires, and signs the person in.
   * - No account for the invited email yet: `displayName` is required, `password` becomes the new
   *   account's password (judged for strength), `locale` its language (default `id`).
   * - An account exists: `password` is that account's current password, proving it is theirs;
   *   `displayName` and `locale` are ignored. Wrong guesses count toward sign-in throttling.
   * Returns what sign-in still needs, like `auth.signIn`: `done`, `challenge` or `enrol`.
   */
  accept: publicProcedure
    .input(
      tokenInput.extend({
        password: z.string().min(1, "password is required").max(maximumPasswordLength),
        displayName: z
          .string()
          .trim()
          .min(1, "displayName is required")
          .max(100)
          .refine(...singleLine("displayName"))
          .optional(),
        locale: z.enum(["id", "en"]).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const now = new Date();
      const invitation = await findByToken(ctx.db, input.token);
      const status = statusOf(invitation, now);
      if (status !== "valid") throw new TRPCError({ code: "CONFLICT", message: unusable[status] });

      const existing = await findUserByEmail(ctx.db, invitation.email);
      let newAccount:
        { displayName: string; locale: "id" | "en"; passwordHash: string } | undefined;
      if (existing) {
        const keys = throttleKeys(existing.email, ctx.meta.ip);
        await takeAttempt(ctx.db, keys, now);
        const passwordOk =
          existing.passwordHash !== null &&
          (await verifyPassword(existing.passwordHash, input.password));
        if (!passwordOk || existing.deactivatedAt) {
          throw fieldError("password", `This is not the password of the account ${existing.email}`);
        }
        await recordSuccess(ctx.db, keys);
      } else {
        if (!input.displayName)
          throw fieldError("displayName", "displayName is required for a new account");
        const locale = input.locale ?? "id";
        const verdict = judgePassword(
          input.password,
          [invitation.email, input.displayName],
          locale,
        );
        if (!verdict.ok) throw fieldError("password", verdict.reason);
        newAccount = {
          displayName: input.displayName,
          locale,
          passwordHash: await hashPassword(input.password),
        };
      }

      const user = await withTenant(ctx.db, asTenantId(invitation.tenantId), async (tx) => {
        const claimed = await claimInvitation(tx, invitation.invitationId, now);
        if (!claimed) throw new TRPCError({ code: "CONFLICT", message: unusable.used });
        const user =
          existing ??
          (newAccount ? await insertUser(tx, { email: invitation.email, ...newAccount }) : null);
        if (!user)
          throw new TRPCError({
            code: "CONFLICT",
            message: "An account with this email was just created; accept again with its password",
          });
        const previous = await findMembership(tx, user.id);
        const membership = await upsertMembership(tx, {
          tenantId: invitation.tenantId,
          userId: user.id,
          role: claimed.role,
          agencyId: claimed.agencyId,
        });
        await secureSessionsAfterRoleChange(tx, user.id, {
          from: previous?.deactivatedAt ? undefined : previous?.role,
          to: membership.role,
        });
        // Nobody is signed in yet: the actor is the person the link was for, acting anonymously.
        await appendTenantAudit(tx, invitation.tenantId, {
          actorUserId: user.id,
          actorRole: "anonymous",
          action: "invitations.accept",
          targetType: "invitation",
          targetId: invitation.invitationId,
          diff: redactSecrets({
            before: { acceptedAt: null },
            after: {
              acceptedAt: now,
              userId: user.id,
              role: membership.role,
              agencyId: membership.agencyId,
              accountCreated: !existing,
            },
          }),
          ip: ctx.meta.ip,
          userAgent: ctx.meta.userAgent,
          requestId: ctx.requestId,
        });
        return user;
      });

      // Whoever was signed in on this browser before is signed out: the session is the invitee's.
      const next = await startSession(ctx, user, now);
      return { next, tenantSlug: invitation.tenantSlug };
    }),
});
