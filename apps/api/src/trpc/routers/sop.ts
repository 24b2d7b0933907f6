import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  findCurrentSopVersion,
  findSopDraft,
  findSopVersion,
  insertSopVersion,
  listSopTestCases,
  listSopVersions,
  saveSopDraft,
  type SopVersionRow,
} from "@sigap/db/queries";
import type { TenantTx } from "@sigap/db/client";
import { diffPlans, evaluate, momentSchema, validateRuleset } from "@sigap/sop-engine";
import { ruleChanges, rulesetSummary } from "../../sop/audit.ts";
import { loadSopReferences, loadValidationContext, validationContext } from "../../sop/context.ts";
import { checkForPublishing, coverageOf } from "../../sop/gate.ts";
import { createRouter, tenantProcedure } from "../init.ts";
import { sopTestCasesRouter } from "./sop-test-cases.ts";

/** Larger than any real SOP (the 1,000-rule benchmark ruleset is ~400 KiB), small enough to refuse abuse. */
const maxRulesetBytes = 1024 * 1024;

/** Any JSON object: a draft may break the ruleset schema (validation says where), but not be something else. */
const rulesetDocument = z
  .custom<Record<string, unknown>>(
    (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    {
      error: "ruleset must be a JSON object",
    },
  )
  .refine((value) => JSON.stringify(value).length <= maxRulesetBytes, {
    error: `ruleset must be at most ${String(maxRulesetBytes / 1024)} KiB of JSON`,
  });

const versionNumber = z
  .int({ error: "number must be a version number" })
  .min(1, { error: "number must be a version number" });

const publishNote = z
  .string({ error: "note must be text" })
  .trim()
  .min(3, { error: "note must say in at least 3 characters what changed" })
  .max(500, { error: "note must have at most 500 characters" });

const notFound = (what: string) => new TRPCError({ code: "NOT_FOUND", message: what });

function versionView(row: SopVersionRow) {
  return {
    number: row.number,
    basedOnNumber: row.basedOnNumber,
    note: row.note,
    publishedAt: row.publishedAt,
    ruleset: row.ruleset,
  };
}

/** The draft and the tenant's test cases checked as publishing would check them. */
async function checkRuleset(
  ctx: { tx: TenantTx; tenant: { id: string; timeZone: string } },
  ruleset: unknown,
) {
  const [context, testCases] = await Promise.all([
    loadValidationContext(ctx.tx, ctx.tenant),
    listSopTestCases(ctx.tx),
  ]);
  return checkForPublishing(ruleset, context, testCases);
}

/** Publishes `ruleset` as the next version once it passes the check; otherwise says why not. */
async function publish(
  ctx: Parameters<typeof checkRuleset>[0] & { auth: { user: { id: string } } },
  ruleset: unknown,
  origin: { basedOnNumber: number | null; note: string },
) {
  const check = await checkRuleset(ctx, ruleset);
  if (!check.publishable) return { published: false as const, check };
  const version = await insertSopVersion(ctx.tx, ctx.tenant.id, {
    ruleset,
    authorId: ctx.auth.user.id,
    basedOnNumber: origin.basedOnNumber,
    note: origin.note,
    publishedAt: new Date(),
  });
  return { published: true as const, number: version.number ?? 0, check };
}

export const sopRouter = createRouter({
  /**
   * The SOP workspace: the draft (with its validation findings and coverage matrix: which agencies
   * each P1/P2 incident type gets in the region), the version live dispatch uses,
   * the published versions, and the tenant's agencies and kecamatan the rules may name.
   * `draftDiffers` tells the editor there is something to publish.
   */
  workspace: tenantProcedure("sop.view").query(async ({ ctx }) => {
    const [draft, current, versions, references] = await Promise.all([
      findSopDraft(ctx.tx),
      findCurrentSopVersion(ctx.tx),
      listSopVersions(ctx.tx),
      loadSopReferences(ctx.tx, ctx.tenant.id),
    ]);
    const context = validationContext(references, ctx.tenant.timeZone);
    return {
      draft: draft
        ? {
            ruleset: draft.ruleset,
            basedOnNumber: draft.basedOnNumber,
            updatedAt: draft.updatedAt,
            findings: validateRuleset(draft.ruleset, context).findings,
            coverage: coverageOf(draft.ruleset, context),
          }
        : null,
      current: current
        ? { number: current.number, publishedAt: current.publishedAt, note: current.note }
        : null,
      draftDiffers:
        draft !== undefined && JSON.stringify(draft.ruleset) !== JSON.stringify(current?.ruleset),
      versions,
      /** What validation checks against, so the editor can validate as the author types. */
      context,
      districts: references.districts,
    };
  }),

  /** One published version, whole, to read or compare. */
  version: tenantProcedure("sop.view")
    .input(z.object({ number: versionNumber }))
    .query(async ({ ctx, input }) => {
      const row = await findSopVersion(ctx.tx, input.number);
      if (!row) throw notFound("No such SOP version");
      return versionView(row);
    }),

  /**
   * Saves the draft as written, even when validation finds errors (they are returned, and block
   * only publishing). `updatedAt` is the draft the editor started from: when someone saved in between,
   * the save is refused rather than overwrite their work.
   */
  saveDraft: tenantProcedure("sop.edit")
    .input(
      z.object({
        ruleset: rulesetDocument,
        updatedAt: z.coerce.date({ error: "updatedAt must be the draft's updatedAt" }).nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const before = await findSopDraft(ctx.tx, { forUpdate: true });
      if ((before?.updatedAt.getTime() ?? null) !== (input.updatedAt?.getTime() ?? null)) {
        throw new TRPCError({
          code: "CONFLICT",
          message:
            "The draft was changed by someone else since you opened it; reload to see their changes",
        });
      }
      const current = await findCurrentSopVersion(ctx.tx);
      const draft = await saveSopDraft(ctx.tx, ctx.tenant.id, {
        ruleset: input.ruleset,
        authorId: ctx.auth.user.id,
        basedOnNumber: before?.basedOnNumber ?? current?.number ?? null,
      });
      await ctx.audit({
        action: "sop.saveDraft",
        targetType: "sop_draft",
        targetId: draft.id,
        before: before ? rulesetSummary(before.ruleset) : null,
        after: {
          ...rulesetSummary(draft.ruleset),
          rules: ruleChanges(before?.ruleset, draft.ruleset),
        },
      });
      const context = await loadValidationContext(ctx.tx, ctx.tenant);
      return {
        updatedAt: draft.updatedAt,
        findings: validateRuleset(draft.ruleset, context).findings,
        coverage: coverageOf(draft.ruleset, context),
      };
    }),

  /** Throws the draft's edits away: the draft becomes the live version again. */
  discardDraft: tenantProcedure("sop.edit").mutation(async ({ ctx }) => {
    const [before, current] = await Promise.all([
      findSopDraft(ctx.tx, { forUpdate: true }),
      findCurrentSopVersion(ctx.tx),
    ]);
    if (!current)
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "Nothing is published yet, so there is no version to go back to",
      });
    const draft = await saveSopDraft(ctx.tx, ctx.tenant.id, {
      ruleset: current.ruleset,
      authorId: ctx.auth.user.id,
      basedOnNumber: current.number,
    });
    await ctx.audit({
      action: "sop.discardDraft",
      targetType: "sop_draft",
      targetId: draft.id,
      before: before ? rulesetSummary(before.ruleset) : null,
      after: { ...rulesetSummary(draft.ruleset), basedOnNumber: current.number },
    });
    return { updatedAt: draft.updatedAt };
  }),

  /** Validation and every test case against the draft, exactly as publishing will judge it. */
  check: tenantProcedure("sop.view").query(async ({ ctx }) => {
    const draft = await findSopDraft(ctx.tx);
    if (!draft) throw notFound("There is no SOP draft yet; choose a template first");
    return checkRuleset(ctx, draft.ruleset);
  }),

  /**
   * Publishes the draft as the next version, if validation finds no error and every test case
   * passes; otherwise nothing changes and the answer says which findings and cases stopped it.
   * `updatedAt` is the draft the author reviewed, so a save in between is not published unseen.
   */
  publish: tenantProcedure("sop.publish")
    .input(
      z.object({
        note: publishNote,
        updatedAt: z.coerce.date({ error: "updatedAt must be the draft's updatedAt" }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const draft = await findSopDraft(ctx.tx, { forUpdate: true });
      if (!draft) throw notFound("There is no SOP draft to publish");
      if (draft.updatedAt.getTime() !== input.updatedAt.getTime()) {
        throw new TRPCError({
          code: "CONFLICT",
          message: "The draft changed after you reviewed it; review it again before publishing",
        });
      }
      const current = await findCurrentSopVersion(ctx.tx);
      const result = await publish(ctx, draft.ruleset, {
        basedOnNumber: current?.number ?? null,
        note: input.note,
      });
      if (result.published) {
        await saveSopDraft(ctx.tx, ctx.tenant.id, {
          ruleset: draft.ruleset,
          authorId: ctx.auth.user.id,
          basedOnNumber: result.number,
        });
        await ctx.audit({
          action: "sop.publish",
          targetType: "sop_version",
          targetId: String(result.number),
          before: current ? { number: current.number, ...rulesetSummary(current.ruleset) } : null,
          after: {
            number: result.number,
            note: input.note,
            ...rulesetSummary(draft.ruleset),
            rules: ruleChanges(current?.ruleset, draft.ruleset),
          },
        });
      }
      return result;
    }),

  /**
   * Publishes a copy of an earlier version as the next number (history is never rewritten). It
   * passes the same check as any publish: the agencies or test cases may have changed since.
   */
  rollback: tenantProcedure("sop.publish")
    .input(z.object({ number: versionNumber, note: publishNote }))
    .mutation(async ({ ctx, input }) => {
      const [target, current] = await Promise.all([
        findSopVersion(ctx.tx, input.number),
        findCurrentSopVersion(ctx.tx),
      ]);
      if (!target) throw notFound("No such SOP version");
      if (target.number === current?.number)
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `Version ${String(input.number)} is already the live version`,
        });
      const result = await publish(ctx, target.ruleset, {
        basedOnNumber: input.number,
        note: input.note,
      });
      if (result.published) {
        await ctx.audit({
          action: "sop.rollback",
          targetType: "sop_version",
          targetId: String(result.number),
          before: current ? { number: current.number, ...rulesetSummary(current.ruleset) } : null,
          after: {
            number: result.number,
            restores: input.number,
            note: input.note,
            ...rulesetSummary(target.ruleset),
          },
        });
      }
      return result;
    }),

  /**
   * Plans an incident with the draft and with the live version, side by side, each with its
   * explanation trace (non-matching rules included), its lead agency and its lines resolved to the
   * region's agencies, and what differs between the two plans.
   */
  simulate: tenantProcedure("sop.view")
    .input(
      z.object({
        incident: z.unknown(),
        at: momentSchema("at"),
      }),
    )
    .query(async ({ ctx, input }) => {
      const [draft, current, references] = await Promise.all([
        findSopDraft(ctx.tx),
        findCurrentSopVersion(ctx.tx),
        loadSopReferences(ctx.tx, ctx.tenant.id),
      ]);
      // Each plan line is resolved to the region's own agencies, as a dispatch would be.
      const { agencies } = validationContext(references, ctx.tenant.timeZone);
      const options = { now: new Date(input.at), explainNonMatches: true, agencies };
      const draftResult = draft ? evaluate(draft.ruleset, input.incident, options) : null;
      const liveResult = current ? evaluate(current.ruleset, input.incident, options) : null;
      return {
        draft: draftResult,
        published: liveResult ? { number: current?.number ?? null, result: liveResult } : null,
        diff: diffPlans(
          liveResult?.ok ? liveResult.plan : null,
          draftResult?.ok ? draftResult.plan : null,
        ),
      };
    }),

  testCases: sopTestCasesRouter,
});
