import type { TenantTx } from "@sigap/db/client";
import {
  getBranding,
  insertInvitation,
  revokePendingInvitations,
  type InvitationRow,
} from "@sigap/db/queries";
import type { MembershipRole } from "@sigap/tenancy";
import { hashToken, randomToken } from "../auth/tokens.ts";
import type { AppConfig } from "../config.ts";
import type { Logger } from "../logger.ts";
import { invitationMail } from "../mail/templates.ts";
import { sendMail } from "../mail/send.ts";

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export interface Invitation {
  tenant: { id: string; slug: string; displayName: string; timeZone: string };
  email: string;
  role: MembershipRole;
  agencyId: string | null;
  invitedBy: string;
}

/**
 * Invites someone into a tenant: a single-use link valid for seven days, mailed to them. A newer
 * invitation replaces (revokes) any pending one for the same email. `tx` must be a transaction of
 * that tenant: the mail is recorded in it, so no mail goes out for an invitation rolled back.
 */
export async function inviteMember(
  deps: { tx: TenantTx; config: AppConfig; log: Logger },
  invite: Invitation,
): Promise<{ invitation: InvitationRow; replaced: string[] }> {
  const now = new Date();
  const replaced = await revokePendingInvitations(deps.tx, invite.email, now);
  const token = randomToken();
  const invitation = await insertInvitation(deps.tx, {
    tenantId: invite.tenant.id,
    email: invite.email,
    role: invite.role,
    agencyId: invite.agencyId,
    tokenHash: hashToken(token),
    invitedBy: invite.invitedBy,
    expiresAt: new Date(now.getTime() + invitationLifetimeMs),
  });
  const branding = await getBranding(deps.tx);
  await sendMail(
    { db: deps.tx, config: deps.config, log: deps.log },
    invitationMail({
      brand: {
        name: branding.displayName,
        color: branding.primaryColor,
        logoUrl: branding.logo
          ? `${deps.config.publicUrl}/v1/tenants/${invite.tenant.slug}/logo`
          : null,
      },
      to: invite.email,
      tenantName: invite.tenant.displayName,
      role: invite.role,
      link: `${deps.config.publicUrl}/invite/${token}`,
      expiresAt: invitation.expiresAt,
      timeZone: invite.tenant.timeZone,
    }),
  );
  return { invitation, replaced };
}
