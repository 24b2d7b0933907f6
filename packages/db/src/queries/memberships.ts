import { and, asc, count, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { invitations, membershipRole, memberships } from "../schema/memberships.ts";
import { users } from "../schema/users.ts";
import { pendingInvitation } from "./invitations.ts";
import { holdsText } from "./text-match.ts";

// Every function here runs inside `withTenant`: row-level security confines it to that tenant.

export type MembershipRole = (typeof memberships.$inferSelect)["role"];
export type MembershipRow = typeof memberships.$inferSelect;

/** What an admin needs of each member to manage them. */
const memberColumns = {
  userId: memberships.userId,
  email: users.email,
  displayName: users.displayName,
  role: memberships.role,
  agencyId: memberships.agencyId,
  deactivatedAt: memberships.deactivatedAt,
  twoFactorEnabled: sql<boolean>`${users.totpKeyEncrypted} is not null`,
};

/**
 * The tenant's people, deactivated ones included, all at once: for work that reaches each of them
 * (mailing a role), not for a list on screen, which reads them a page at a time (`listMemberPage`).
 */
export function listMembers(tx: TenantTx) {
  return tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .orderBy(asc(users.displayName), asc(users.email));
}

/** What a list of members can be narrowed by. */
export interface MemberFilter {
  /** Part of the name or of the email address, in any case; null for everyone. */
  search: string | null;
  role?: MembershipRole;
  /** Only those who may work in the tenant, or only those deactivated; both when absent. */
  state?: "active" | "deactivated";
}

/** Where a page of members ended: the last one's name and, as names repeat, user id. */
export interface MemberCursor {
  displayName: string;
  userId: string;
}

/** One page of the tenant's members that match `filter`, by name (then user id). */
export function listMemberPage(
  tx: TenantTx,
  filter: MemberFilter,
  page: { after?: MemberCursor; limit: number },
) {
  const { search, role, state } = filter;
  return tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        search === null
          ? undefined
          : or(holdsText(users.displayName, search), holdsText(users.email, search)),
        role ? eq(memberships.role, role) : undefined,
        state === "active" ? isNull(memberships.deactivatedAt) : undefined,
        state === "deactivated" ? isNotNull(memberships.deactivatedAt) : undefined,
        page.after
          ? sql`(${users.displayName}, ${memberships.userId}) > (${page.after.displayName}, ${page.after.userId}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(memberships.userId))
    .limit(page.limit);
}

/** How many active members each role has, and how many pending invitations are on their way to it. */
export async function countStaffByRole(
  tx: TenantTx,
  now: Date,
): Promise<{ role: MembershipRole; active: number; invited: number }[]> {
  const [active, invited] = await Promise.all([
    tx
      .select({ role: memberships.role, count: count() })
      .from(memberships)
      .where(isNull(memberships.deactivatedAt))
      .groupBy(memberships.role),
    tx
      .select({ role: invitations.role, count: count() })
      .from(invitations)
      .where(pendingInvitation(now))
      .groupBy(invitations.role),
  ]);
  const countOf = (rows: { role: MembershipRole; count: number }[], role: MembershipRole) =>
    rows.find((row) => row.role === role)?.count ?? 0;
  return membershipRole.enumValues.map((role) => ({
    role,
    active: countOf(active, role),
    invited: countOf(invited, role),
  }));
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
