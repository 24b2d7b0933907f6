import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  chooseSopTemplate,
  findSopDraft,
  getChecklistFacts,
  getOnboarding,
  getTenantStatus,
  recordGoLiveOverride,
  saveSopDraft,
  setTenantStatus,
} from "@sigap/db/queries";
import { nationalTemplate } from "@sigap/sop-engine";
import { can } from "@sigap/tenancy";
import { checklist, getSopFacts } from "../../onboarding/checklist.ts";
import { regionSopName } from "../../sop/region-sop-name.ts";
import { createRouter, tenantProcedure } from "../init.ts";

/**
 * The SOP templates a region may start from. The national template carries no id or version of
 * its own, so this code names it; its rule format says which engine reads it.
 */
const sopTemplates = [
  { code: "national-default", name: nationalTemplate.name, format: nationalTemplate.format },
] as const;
const sopTemplateCodes = sopTemplates.map((template) => template.code);

export const onboardingRouter = createRouter({
  /** The templates `chooseSop` accepts. */
  sopTemplates: tenantProcedure("onboarding.view").query(() => sopTemplates),

  /**
   * Records the SOP template the region starts from and, when the region has no SOP draft yet,
   * clones the template into its first draft (in the tenant's time zone). An existing draft is kept:
   * choosing again never throws work away.
   */
  chooseSop: tenantProcedure("sop.choose")
    .input(
      z.object({
        templateCode: z.enum(sopTemplateCodes, {
          error: `templateCode must be one of ${sopTemplateCodes.join(", ")}`,
        }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const before = await getOnboarding(ctx.tx);
      const after = await chooseSopTemplate(ctx.tx, ctx.tenant.id, input.templateCode, new Date());
      const draftCreated = !(await findSopDraft(ctx.tx, { forUpdate: true }));
      if (draftCreated) {
        const ruleset = {
          ...nationalTemplate,
          name: regionSopName(ctx.tenant.displayName),
          timeZone: ctx.tenant.timeZone,
        };
        await saveSopDraft(ctx.tx, ctx.tenant.id, {
          ruleset,
          authorId: ctx.auth.user.id,
          basedOnNumber: null,
        });
      }
      await ctx.audit({
        action: "onboarding.chooseSop",
        targetType: "tenant",
        targetId: ctx.tenant.id,
        before: { sopTemplate: before?.sopTemplate ?? null },
        after: { sopTemplate: after.sopTemplate, sopChosenAt: after.sopChosenAt, draftCreated },
      });
      return { sopTemplate: after.sopTemplate, sopChosenAt: after.sopChosenAt, draftCreated };
    }),

  /** Where the tenant stands: status, launch date, each checklist item, and whether it may go live. */
  checklist: tenantProcedure("onboarding.view").query(async ({ ctx }) => {
    const [status, facts, sop, onboarding] = await Promise.all([
      getTenantStatus(ctx.tx),
      getChecklistFacts(ctx.tx),
      getSopFacts(ctx.tx),
      getOnboarding(ctx.tx),
    ]);
    const items = checklist(facts, sop);
    return {
      status: status.status,
      launchedAt: status.launchedAt,
      items,
      ready: items.every((item) => item.ok),
      sopChosenAt: onboarding?.sopChosenAt ?? null,
      goLiveOverrideReason: onboarding?.goLiveOverrideReason ?? null,
    };
  }),

  /**
   * Takes the tenant live once every checklist item passes. A platform admin may take it live with
   * items failing by writing why (`overrideReason`), kept with the tenant and in the audit log.
   */
  goLive: tenantProcedure("tenant.goLive")
    .input(
      z.object({
        overrideReason: z
          .string({ error: "overrideReason must be text" })
          .trim()
          .min(1, { error: "overrideReason must not be empty" })
          .max(1000, { error: "overrideReason must have at most 1000 characters" })
          .optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const platformRole = ctx.auth.user.platformRole;
      if (
        input.overrideReason !== undefined &&
        !(platformRole && can(platformRole, "tenant.goLiveOverride"))
      ) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: "Only a platform admin may take a tenant live with its checklist unmet",
        });
      }
      // Locked: of two concurrent go-lives, the second sees the first's result.
      const before = await getTenantStatus(ctx.tx, { lock: true });
      if (before.status !== "onboarding") {
        throw new TRPCError({
          code: "CONFLICT",
          message: `The tenant is ${before.status}; only a tenant in onboarding can go live`,
        });
      }
      const failing = checklist(await getChecklistFacts(ctx.tx), await getSopFacts(ctx.tx))
        .filter((item) => !item.ok)
        .map((item) => item.key);
      if (failing.length > 0 && input.overrideReason === undefined) {
        throw new TRPCError({
          code: "CONFLICT",
          message: `The go-live checklist is not met: ${failing.join(", ")}`,
        });
      }
      if (input.overrideReason !== undefined)
        await recordGoLiveOverride(ctx.tx, ctx.tenant.id, input.overrideReason);
      const after = await setTenantStatus(ctx.tx, "live");
      await ctx.audit({
        action: "tenant.goLive",
        targetType: "tenant",
        targetId: ctx.tenant.id,
        before: { status: before.status, launchedAt: before.launchedAt },
        after: {
          status: after.status,
          launchedAt: after.launchedAt,
          ...(input.overrideReason === undefined
            ? {}
            : { overrideReason: input.overrideReason, failingChecks: failing }),
        },
      });
      return {
        status: after.status,
        launchedAt: after.launchedAt,
        overridden: input.overrideReason !== undefined,
        failing,
      };
    }),
});
