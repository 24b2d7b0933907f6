import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { memberships } from "../schema/memberships.ts";
import { users } from "../schema/users.ts";

// Every function here runs inside `withTenant`: row-level security confines it to that tenant.

export type MembershipRole = (typeof memberships.$inferSelect)["role"];
export type MembershipRow = typeof memberships.$inferSelect;

/** The tenant's people, deactivated ones included, with what an admin needs to manage them. */
export function listMembers(tx: TenantTx) {
  return tx
    .select({
      userId: memberships.userId,
      email: users.email,
      displayName: users.displayName,
      role: memberships.role,
      agencyId: memberships.agencyId,
      deactivatedAt: memberships.deactivatedAt,
      twoFactorEnabled: sql<boolean>`${users.totpKeyEncrypted} is not null`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .orderBy(asc(users.displayName), asc(users.email));
}

export function findMembership(tx: TenantTx, userId: string) {
  return tx
    .select()
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .then((rows) => rows[0]);
}

/** The active member with this email, if any (to refuse inviting someone already in). */
export function findActiveMemberByEmail(tx: TenantTx, email: string) {
  return tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(memberships.deactivatedAt)))
    .then((rows) => rows[0]);
}

/**
 * Makes a person a member in `role`; a former (deactivated) member is taken back in the new role.
 */
export async function upsertMembership(
  tx: TenantTx,
  membership: { tenantId: string; userId: string; role: MembershipRole; agencyId: string | null },
): Promise<MembershipRow> {
  const [row] = await tx
    .insert(memberships)
    .values(membership)
    .onConflictDoUpdate({
      target: [memberships.tenantId, memberships.userId],
      set: { role: membership.role, agencyId: membership.agencyId, deactivatedAt: null },
    })
    .returning();
  if (!row) throw new Error("membership upsert returned nothing");
  return row;
}

/**
 * The ids of the tenant's active admins, their rows locked until the transaction ends, so two
 * admins demoting or deactivating each other at once cannot leave the tenant without one.
 */
export async function lockActiveAdmins(tx: TenantTx): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.role, "tenant_admin"), isNull(memberships.deactivatedAt)))
    // One lock order for everyone, so two such transactions queue instead of deadlocking.
    .orderBy(asc(memberships.userId))
    .for("update");
  return rows.map((row) => row.userId);
}

export async function updateMembershipRole(
  tx: TenantTx,
  userId: string,
  change: { role: MembershipRole; agencyId: string | null },
): Promise<MembershipRow | undefined> {
  const [row] = await tx
    .update(memberships)
    .set(change)
    .where(eq(memberships.userId, userId))
    .returning();
  return row;
}

export async function deactivateMembership(
  tx: TenantTx,
  userId: string,
  now: Date,
): Promise<MembershipRow | undefined> {
  const [row] = await tx
    .update(memberships)
    .set({ deactivatedAt: now })
    .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)))
    .returning();
  return row;
}
