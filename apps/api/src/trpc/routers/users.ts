import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  countStaffByRole,
  deactivateMembership,
  endSessionsWithoutAccess,
  findAgency,
  findMembership,
  listMemberPage,
  listPendingInvitations,
  lockActiveAdmins,
  revokeInvitation,
  updateMembershipRole,
} from "@sigap/db/queries";
import { membershipRoles } from "@sigap/tenancy";
import type { TenantTx } from "@sigap/db/client";
import { secureSessionsAfterRoleChange } from "../../auth/sessions.ts";
import { inviteIntoTenant } from "../../invitations/invite-into-tenant.ts";
import { searchText } from "../../validation/search.ts";
import { fieldError } from "../field-error.ts";
import { createRouter, tenantProcedure } from "../init.ts";
import { cursorInput, encodeCursor, pageLimit, pageOf } from "../paging.ts";

/** A role, and the agency it is bound to: required for an agency responder, refused for others. */
const roleAssignment = z
  .object({
    role: z.enum(membershipRoles, { error: `role must be one of ${membershipRoles.join(", ")}` }),
    agencyId: z.uuid({ error: "agencyId must be an agency id" }).optional(),
  })
  .refine((value) => (value.role === "agency_responder") === (value.agencyId !== undefined), {
    path: ["agencyId"],
    message: "agencyId is required for an agency_responder and only for one",
  });

/**
 * The agency of a role assignment, which must be one of this tenant's own: `tx` sees no other
 * tenant's agencies (RLS), and the tenant-scoped key would refuse one anyway, as a bare 500.
 */
async function ownAgencyId(tx: TenantTx, agencyId: string | undefined): Promise<string | null> {
  if (agencyId === undefined) return null;
  if (!(await findAgency(tx, agencyId)))
    throw fieldError("agencyId", "agencyId is not an agency of this region");
  return agencyId;
}

const memberInput = z.object({ userId: z.uuid({ error: "userId must be a user id" }) });

/** Members are listed by name; the cursor is the last one's name and user id (names repeat). */
const memberCursor = cursorInput("cursor", z.tuple([z.string(), z.uuid()])).transform(
  ([displayName, userId]) => ({ displayName, userId }),
);

const listInput = z.object({
  /** Part of the name or the email address. */
  query: searchText("query"),
  role: z
    .enum(membershipRoles, { error: `role must be one of ${membershipRoles.join(", ")}` })
    .optional(),
  state: z
    .enum(["active", "deactivated"], { error: "state must be active or deactivated" })
    .optional(),
  cursor: memberCursor.optional(),
  limit: pageLimit(50),
});

export const usersRouter = createRouter({
  /**
   * The tenant's members (deactivated ones too) by name, a page at a time, narrowed by part of a
   * name or email, role and state; `nextCursor` fetches the following page.
   */
  list: tenantProcedure("users.view")
    .input(listInput)
    .query(async ({ ctx, input }) => {
      const rows = await listMemberPage(
        ctx.tx,
        { search: input.query, role: input.role, state: input.state },
        { after: input.cursor, limit: input.limit + 1 },
      );
      return pageOf(rows, input.limit, (member) =>
        encodeCursor([member.displayName, member.userId]),
      );
    }),

  /** Invitations neither accepted, revoked nor expired: few, as each lapses after seven days. */
  invitations: tenantProcedure("users.view").query(async ({ ctx }) =>
    listPendingInvitations(ctx.tx, new Date()),
  ),

  /** How many active members and pending invitations each role has (the onboarding's staff step). */
  roleCounts: tenantProcedure("users.view").query(async ({ ctx }) =>
    countStaffByRole(ctx.tx, new Date()),
  ),

  /**
   * Invites someone by email into a role; they get a single-use link valid for seven days. A newer
   * invitation replaces (revokes) any pending one for the same email.
   */
  invite: tenantProcedure("users.invite")
    .input(z.object({ email: z.email({ error: "email must be an email address" }).max(320) }))
    .input(roleAssignment)
    .mutation(async ({ ctx, input }) =>
      inviteIntoTenant(ctx, {
        email: input.email,
        role: input.role,
        agencyId: await ownAgencyId(ctx.tx, input.agencyId),
      }),
    ),

  /** Withdraws a pending invitation; its link stops working. */
  revokeInvitation: tenantProcedure("users.invite")
    .input(z.object({ invitationId: z.uuid({ error: "invitationId must be an invitation id" }) }))
    .mutation(async ({ ctx, input }) => {
      const revoked = await revokeInvitation(ctx.tx, input.invitationId, new Date());
      if (!revoked)
        throw new TRPCError({ code: "NOT_FOUND", message: "No pending invitation with that id" });
      await ctx.audit({
        action: "users.revokeInvitation",
        targetType: "invitation",
        targetId: revoked.id,
        before: { email: revoked.email, role: revoked.role, revokedAt: null },
        after: { revokedAt: revoked.revokedAt },
      });
      return { revoked: true };
    }),

  /** Changes a member's role. The tenant's last active admin cannot be demoted. */
  changeRole: tenantProcedure("users.changeRole")
    .input(memberInput)
    .input(roleAssignment)
    .mutation(async ({ ctx, input }) => {
      const agencyId = await ownAgencyId(ctx.tx, input.agencyId);
      const admins = await lockActiveAdmins(ctx.tx);
      const before = await findMembership(ctx.tx, input.userId);
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "No such member" });
      if (input.role !== "tenant_admin" && admins.length === 1 && admins[0] === input.userId) {
        throw new TRPCError({
          code: "CONFLICT",
          message: "This is the tenant's last active admin; make someone else admin first",
        });
      }
      const after = await updateMembershipRole(ctx.tx, input.userId, {
        role: input.role,
        agencyId,
      });
      const sessionsToReverify = await secureSessionsAfterRoleChange(
        ctx.tx,
        input.userId,
        { from: before.deactivatedAt ? undefined : before.role, to: input.role },
        ctx.auth.session.id,
      );
      await ctx.audit({
        action: "users.changeRole",
        targetType: "user",
        targetId: input.userId,
        before: { role: before.role, agencyId: before.agencyId },
        after: {
          role: after?.role,
          agencyId: after?.agencyId,
          ...(sessionsToReverify > 0 ? { sessionsToReverify } : {}),
        },
      });
      return { userId: input.userId, role: input.role, agencyId };
    }),

  /**
   * Deactivates a member: from their next request on, no session of theirs reaches this tenant
   * (memberships are read on every request). Their sessions go on serving the other tenants they
   * work in; only someone left with no access anywhere is signed out. The answer and the audit say
   * nothing of other tenants. Nobody deactivates themselves, and the tenant's last active admin stays.
   */
  deactivate: tenantProcedure("users.deactivate")
    .input(memberInput)
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.auth.user.id) {
        throw new TRPCError({
          code: "CONFLICT",
          message: "You cannot deactivate yourself; ask another admin",
        });
      }
      const admins = await lockActiveAdmins(ctx.tx);
      const before = await findMembership(ctx.tx, input.userId);
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "No such member" });
      if (before.deactivatedAt)
        throw new TRPCError({ code: "CONFLICT", message: "This member is already deactivated" });
      if (admins.length === 1 && admins[0] === input.userId) {
        throw new TRPCError({
          code: "CONFLICT",
          message: "This is the tenant's last active admin; make someone else admin first",
        });
      }
      const now = new Date();
      await deactivateMembership(ctx.tx, input.userId, now);
      await endSessionsWithoutAccess(ctx.tx, input.userId);
      await ctx.audit({
        action: "users.deactivate",
        targetType: "user",
        targetId: input.userId,
        before: { role: before.role, deactivatedAt: null },
        after: { deactivatedAt: now },
      });
      return { userId: input.userId, deactivatedAt: now };
    }),
});
