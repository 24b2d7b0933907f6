import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  appendPlatformAudit,
  appendTenantAudit,
  createTenantIn,
  findRegion,
  findTenantBySlug,
  findTenantsInDirectory,
  searchRegionsForTenancy,
} from "@sigap/db/queries";
import { tenantStatus } from "@sigap/db/schema";
import { regionSearchInput } from "../../http/schemas.ts";
import { toTenantRow } from "../../onboarding/tenant-row.ts";
import { inviteMember } from "../../invitations/invite.ts";
import { emailAddress } from "../../validation/email.ts";
import { fieldError } from "../field-error.ts";
import { auditFields, createRouter, platformProcedure, type AuditInput } from "../init.ts";

const slugRule =
  "slug may hold lowercase letters a-z, digits and single hyphens between them, such as kab-sidoarjo";

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
  adminName: z
    .string()
    .trim()
    .min(1, { error: "adminName must not be empty" })
    .max(200, { error: "adminName is too long" })
    .optional(),
});

const tenantQuery = z
  .string({ error: "query must be text" })
  .trim()
  .max(100, { error: "query must have at most 100 characters" })
  .default("");

const searchInput = z.object({ query: tenantQuery });

const listInput = z.object({
  query: tenantQuery,
  status: z
    .enum(tenantStatus.enumValues, {
      error: `status must be one of ${tenantStatus.enumValues.join(", ")}`,
    })
    .optional(),
  page: z
    .int({ error: "page must be a whole number" })
    .min(1, { error: "page must be at least 1" })
    .default(1),
  pageSize: z
    .int({ error: "pageSize must be a whole number" })
    .min(1, { error: "pageSize must be at least 1" })
    .max(100, { error: "pageSize must be at most 100" })
    .default(25),
});

/** A switcher's list: typing narrows it, so a longer one would only be scrolled past. */
const searchLimit = 20;

export const tenantsRouter = createRouter({
  /**
   * Tenants whose name, slug, region or province holds `query` (every tenant for none), by name,
   * for platform staff to look into one: the first 20, and how many matched.
   */
  search: platformProcedure("tenants.support")
    .input(searchInput)
    .query(async ({ ctx, input }) => {
      const matches = await findTenantsInDirectory(ctx.db, { query: input.query });
      return {
        tenants: matches
          .slice(0, searchLimit)
          .map(({ slug, displayName, provinceName, status }) => ({
            slug,
            displayName,
            provinceName,
            status,
          })),
        total: matches.length,
      };
    }),

  /**
   * The platform's tenant list: one page of the tenants whose name, slug, region or province holds
   * `query` and that have `status` (if given), by name, with how many matched in all.
   */
  list: platformProcedure("tenants.create")
    .input(listInput)
    .query(async ({ ctx, input }) => {
      const matches = await findTenantsInDirectory(ctx.db, {
        query: input.query,
        status: input.status,
      });
      const first = (input.page - 1) * input.pageSize;
      return {
        tenants: matches.slice(first, first + input.pageSize).map(toTenantRow),
        total: matches.length,
        page: input.page,
        pageSize: input.pageSize,
      };
    }),

  /** The name and time zone of the tenant with `slug`, for platform staff looking into it. */
  get: platformProcedure("tenants.support")
    .input(
      z.object({
        slug: z
          .string({ error: "slug must be text" })
          .trim()
          .min(1, { error: "slug must not be empty" })
          .max(100, { error: "slug is too long" }),
      }),
    )
    .query(async ({ ctx, input }) => {
      const tenant = await findTenantBySlug(ctx.db, input.slug);
      if (!tenant) throw new TRPCError({ code: "NOT_FOUND", message: "No such tenant" });
      return {
        slug: tenant.slug,
        displayName: tenant.displayName,
        timeZone: tenant.timeZone,
        status: tenant.status,
      };
    }),

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
      if (!region)
        throw fieldError("regionCode", `No kabupaten/kota has the code ${input.regionCode}`);
      return ctx.db.transaction(async (tx) => {
        const result = await createTenantIn(tx, ctx.auth.token, {
          regionCode: region.code,
          slug: input.slug,
          displayName: region.name,
        });
        if (!result.created) {
          if (result.taken === "slug")
            throw fieldError(
              "slug",
              `The slug ${input.slug} is already used by another tenant`,
              "CONFLICT",
              "taken",
            );
          throw fieldError(
            "regionCode",
            `${region.name} (${region.code}) already has a tenant; a region holds one tenant only`,
            "CONFLICT",
            "taken",
          );
        }
        const { tenantId, tenantTx } = result;
        const tenant = {
          id: tenantId,
          slug: input.slug,
          displayName: region.name,
          timeZone: region.timeZone,
        };
        const { invitation } = await inviteMember(
          { tx: tenantTx, config: ctx.config, log: ctx.log },
          {
            tenant,
            email: input.adminEmail,
            role: "tenant_admin",
            agencyId: null,
            invitedBy: ctx.auth.user.id,
          },
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
            firstAdmin: {
              email: input.adminEmail,
              name: input.adminName ?? null,
              invitationId: invitation.id,
            },
          },
        };
        const invited: AuditInput = {
          action: "users.invite",
          targetType: "invitation",
          targetId: invitation.id,
          after: {
            email: input.adminEmail,
            role: invitation.role,
            agencyId: null,
            expiresAt: invitation.expiresAt,
            replaced: [],
          },
        };
        await appendPlatformAudit(tx, auditFields(ctx, ctx.platformRole, created));
        await appendTenantAudit(tenantTx, tenantId, auditFields(ctx, ctx.platformRole, created));
        await appendTenantAudit(tenantTx, tenantId, auditFields(ctx, ctx.platformRole, invited));
        return {
          tenantId,
          slug: input.slug,
          displayName: region.name,
          status: "onboarding" as const,
          invitation: {
            id: invitation.id,
            email: input.adminEmail,
            expiresAt: invitation.expiresAt,
          },
        };
      });
    }),
});
