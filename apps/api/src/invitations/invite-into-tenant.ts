import { TRPCError } from "@trpc/server";
import { findActiveMemberByEmail } from "@sigap/db/queries";
import type { TenantTx } from "@sigap/db/client";
import type { MembershipRole } from "@sigap/tenancy";
import type { AppConfig } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { AuditInput } from "../trpc/init.ts";
import { inviteMember, type Invitation } from "./invite.ts";

/** What inviting needs of a tenant procedure's context. */
export interface InvitingContext {
  tx: TenantTx;
  config: AppConfig;
  log: Logger;
  tenant: Invitation["tenant"];
  auth: { user: { id: string } };
  audit: (entry: AuditInput) => Promise<unknown>;
}

/**
 * Invites one person into the request's tenant, mailed and audited (`users.invite`): the path of a
 * single invitation and of each row of a staff import alike. An active member is not invited again.
 * `agencyId` must already be known to be one of the tenant's own agencies.
 */
export async function inviteIntoTenant(
  ctx: InvitingContext,
  input: { email: string; role: MembershipRole; agencyId: string | null },
): Promise<{ invitationId: string; expiresAt: Date }> {
  const email = input.email.trim().toLowerCase();
  if (await findActiveMemberByEmail(ctx.tx, email)) {
    throw new TRPCError({
      code: "CONFLICT",
      message: `${email} is already an active member of this tenant`,
    });
  }
  const { invitation, replaced } = await inviteMember(
    { tx: ctx.tx, config: ctx.config, log: ctx.log },
    {
      tenant: ctx.tenant,
      email,
      role: input.role,
      agencyId: input.agencyId,
      invitedBy: ctx.auth.user.id,
    },
  );
  await ctx.audit({
    action: "users.invite",
    targetType: "invitation",
    targetId: invitation.id,
    after: {
      email,
      role: invitation.role,
      agencyId: invitation.agencyId,
      expiresAt: invitation.expiresAt,
      replaced,
    },
  });
  return { invitationId: invitation.id, expiresAt: invitation.expiresAt };
}
