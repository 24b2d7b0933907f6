import { z } from "zod";
import { lockAgencyList } from "@sigap/db/queries";
import { csvDocument } from "../../csv.ts";
import {
  agencyColumns,
  agencyExample,
  applyAgencyImport,
  planAgencyImport,
} from "../../imports/agencies.ts";
import { refuseProblems } from "../../imports/problems.ts";
import {
  applyStaffImport,
  planStaffImport,
  staffColumns,
  staffExample,
} from "../../imports/staff.ts";
import { createRouter, tenantProcedure } from "../init.ts";

/** The file's text, and whether to write it (`apply`) or only check every row (the preview). */
const importInput = z.object({
  csv: z
    .string({ error: "csv must be the file's text" })
    .max(1_000_000, { error: "csv must be at most 1,000,000 characters" }),
  apply: z.boolean({ error: "apply must be true or false" }).default(false),
});

const templates = {
  agencies: { columns: agencyColumns, example: agencyExample },
  staff: { columns: staffColumns, example: staffExample },
} as const;

/**
 * CSV imports for taking a region live: its agencies with their contacts, and its staff's
 * invitations. Without `apply` a file is only checked, every row, and each problem comes back with
 * its row and column; with it the file is written whole in the request's one transaction, or, if
 * any row has a problem, not at all.
 */
export const importsRouter = createRouter({
  /** A CSV with the import's header and one example row, to fill in a spreadsheet. */
  template: tenantProcedure("onboarding.view")
    .input(
      z.object({
        kind: z.enum(["agencies", "staff"], { error: "kind must be agencies or staff" }),
      }),
    )
    .query(({ input }) => {
      const { columns, example } = templates[input.kind];
      return {
        filename: `sigap112-${input.kind}.csv`,
        csv: csvDocument(
          [...columns],
          [columns.map((column) => example[column as keyof typeof example])],
        ),
      };
    }),

  agencies: tenantProcedure("agencies.edit")
    .input(importInput)
    .mutation(async ({ ctx, input }) => {
      // Held to the end of the transaction: a concurrent import or standard set waits, and finds ours.
      if (input.apply) await lockAgencyList(ctx.tx, ctx.tenant.id);
      const plan = await planAgencyImport(ctx.tx, ctx.tenant.id, input.csv);
      const preview = {
        agencies: plan.agencies.map(({ id, ...agency }) => ({ ...agency, isNew: id === null })),
        problems: plan.problems,
      };
      if (!input.apply) return { applied: false, ...preview };
      refuseProblems(plan.problems);
      const written = await applyAgencyImport(ctx, plan);
      await ctx.audit({
        action: "imports.agencies",
        targetType: "tenant",
        targetId: ctx.tenant.id,
        after: written,
      });
      return { applied: true, ...preview };
    }),

  staff: tenantProcedure("users.invite")
    .input(importInput)
    .mutation(async ({ ctx, input }) => {
      const plan = await planStaffImport(ctx.tx, input.csv);
      const preview = {
        invitations: plan.invitations.map(({ agencyId: _agencyId, ...invitation }) => invitation),
        problems: plan.problems,
      };
      if (!input.apply) return { applied: false, ...preview };
      refuseProblems(plan.problems);
      const written = await applyStaffImport(ctx, plan);
      await ctx.audit({
        action: "imports.staff",
        targetType: "tenant",
        targetId: ctx.tenant.id,
        after: written,
      });
      return { applied: true, ...preview };
    }),
});
