import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor, TenantTx } from "../client.ts";
import { invitations } from "../schema/memberships.ts";
import type { MembershipRole } from "./memberships.ts";

export type InvitationRow = typeof invitations.$inferSelect;

// All but `findInvitationByTokenHash` run inside `withTenant` (row-level security).

export async function insertInvitation(
  tx: TenantTx,
  invitation: typeof invitations.$inferInsert,
): Promise<InvitationRow> {
  const [row] = await tx.insert(invitations).values(invitation).returning();
  if (!row) throw new Error("invitation insert returned nothing");
  return row;
}

/** Revokes the pending invitations of an email, so only the newest link works. */
export async function revokePendingInvitations(
  tx: TenantTx,
  email: string,
  now: Date,
): Promise<string[]> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.email, email.trim().toLowerCase()),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.map((row) => row.id);
}

/** An invitation neither accepted, revoked, nor expired at `now`: someone on their way in. */
export function pendingInvitation(now: Date) {
  return and(
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );
}

/** Invitations neither accepted, revoked, nor expired. */
export function listPendingInvitations(tx: TenantTx, now: Date) {
  return tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      agencyId: invitations.agencyId,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(pendingInvitation(now))
    .orderBy(asc(invitations.createdAt));
}

export async function revokeInvitation(
  tx: TenantTx,
  invitationId: string,
  now: Date,
): Promise<InvitationRow | undefined> {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.id, invitationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning();
  return row;
}

/**
 * Accepts an invitation exactly once and only while it is valid: of two concurrent accepts, the
 * second waits on the row lock and then no longer matches `accepted_at is null`.
 */
export async function claimInvitation(
  tx: TenantTx,
  invitationId: string,
  now: Date,
): Promise<InvitationRow | undefined> {
  const [row] = await tx
    .update(invitations)
    .set({ acceptedAt: now })
    .where(
      and(
        eq(invitations.id, invitationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

export interface InvitationByToken {
  tenantId: string;
  invitationId: string;
  tenantName: string;
  tenantSlug: string;
  email: string;
  role: MembershipRole;
  agencyId: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/** The invitation a link stands for, through `invitation_by_token()` (no tenant is set yet). */
export async function findInvitationByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<InvitationByToken | undefined> {
  const rows = await db.execute<{
    tenant_id: string;
    invitation_id: string;
    tenant_name: string;
    tenant_slug: string;
    email: string;
    role: MembershipRole;
    agency_id: string | null;
    expires_at: string | Date;
    accepted_at: string | Date | null;
    revoked_at: string | Date | null;
  }>(sql`select * from invitation_by_token(${tokenHash})`);
  const row = rows[0];
  if (!row) return undefined;
  const date = (value: string | Date) => new Date(value);
  return {
    tenantId: row.tenant_id,
    invitationId: row.invitation_id,
    tenantName: row.tenant_name,
    tenantSlug: row.tenant_slug,
    email: row.email,
    role: row.role,
    agencyId: row.agency_id,
    expiresAt: date(row.expires_at),
    acceptedAt: row.accepted_at === null ? null : date(row.accepted_at),
    revokedAt: row.revoked_at === null ? null : date(row.revoked_at),
  };
}
