import { z } from "zod";
import { appendPlatformAudit, appendTenantAudit, createTenantIn, findRegion, searchRegionsForTenancy } from "@sigap/db/queries";
import { regionSearchInput } from "../../http/schemas.ts";
import { inviteMember } from "../../invitations/invite.ts";
import { emailAddress } from "../../validation/email.ts";
import { fieldError } from "../field-error.ts";
import { auditFields, createRouter, platformProcedure, type AuditInput } from "../init.ts";

const slugRule = "slug may hold lowercase letters a-z, digits and single hyphens between them, such as kab-sidoarjo";

const createInput = z.object({
  regionCode: z
    .string({ error: "regionCode must be a kabupaten/kota code such as 35.15" })
    .trim()
    .regex(/^\d{2}\.\d{2}$/, { error: "regionCode must be a kabupaten/kota code such as 35.15" }),
  slug: z
    .string({ error: slugRule })
    .trim()
    .min(2, { error: "slug must have at least 2 characters" })
    .max(63, { error: "slug must have at most 63 characters" })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: slugRule }),
  adminEmail: emailAddress("adminEmail"),
  adminName: z.string().trim().min(1, { error: "adminName must not be empty" }).max(200, { error: "adminName is too long" }).optional(),
});

export const tenantsRouter = createRouter({
  /** Kabupaten/kota by name or code, each marked with the tenant that already holds it, if any. */
  regions: platformProcedure("tenants.create")
    .input(regionSearchInput)
    .query(({ ctx, input }) => searchRegionsForTenancy(ctx.db, input)),

  /**
   * Creates the tenant of a region, in `onboarding`, named after the region, and invites its first
   * tenant admin. One transaction: the tenant, the invitation, its mail and the audit rows (the
   * platform's and the new tenant's own) are kept together or not at all.
   */
  create: platformProcedure("tenants.create")
    .input(createInput)
    .mutation(async ({ ctx, input }) => {
      const region = await findRegion(ctx.db, input.regionCode);
      if (!region) throw fieldError("regionCode", `No kabupaten/kota has the code ${input.regionCode}`);
      return ctx.db.transaction(async (tx) => {
        const result = await createTenantIn(tx, ctx.auth.token, { regionCode: region.code, slug: input.slug, displayName: region.name });
        if (!result.created) {
          if (result.taken === "slug") throw fieldError("slug", `The slug ${input.slug} is already used by another tenant`, "CONFLICT");
          throw fieldError("regionCode", `${region.name} (${region.code}) already has a tenant; a region holds one tenant only`, "CONFLICT");
        }
        const { tenantId } = result;
        const tenant = { id: tenantId, slug: input.slug, displayName: region.name, timeZone: region.timeZone };
        const { invitation } = await inviteMember(
          { tx, config: ctx.config, log: ctx.log },
          { tenant, email: input.adminEmail, role: "tenant_admin", agencyId: null, invitedBy: ctx.auth.user.id },
        );
        const created: AuditInput = {
          action: "tenants.create",
          targetType: "tenant",
          targetId: tenantId,
          after: {
            regionCode: region.code,
            slug: input.slug,
            displayName: region.name,
            status: "onboarding",
            firstAdmin: { email: input.adminEmail, name: input.adminName ?? null, invitationId: invitation.id },
          },
        };
        const invited: AuditInput = {
          action: "users.invite",
          targetType: "invitation",
          targetId: invitation.id,
          after: { email: input.adminEmail, role: invitation.role, agencyId: null, expiresAt: invitation.expiresAt, replaced: [] },
        };
        await appendPlatformAudit(tx, auditFields(ctx, ctx.platformRole, created));
        await appendTenantAudit(tx, tenantId, auditFields(ctx, ctx.platformRole, created));
        await appendTenantAudit(tx, tenantId, auditFields(ctx, ctx.platformRole, invited));
        return {
          tenantId,
          slug: input.slug,
          displayName: region.name,
          status: "onboarding" as const,
          invitation: { id: invitation.id, email: input.adminEmail, expiresAt: invitation.expiresAt },
        };
      });
    }),
});
