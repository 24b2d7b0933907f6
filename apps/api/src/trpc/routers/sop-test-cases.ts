import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  deleteSopTestCase,
  findSopDraft,
  findSopTestCase,
  insertSopTestCase,
  listSopTestCases,
  uniqueViolation,
  updateSopTestCase,
  type SopTestCaseRow,
} from "@sigap/db/queries";
import { runTestCase, testCaseSchema } from "@sigap/sop-engine";
import { engineTestCase } from "../../sop/gate.ts";
import { fieldError } from "../field-error.ts";
import { createRouter, tenantProcedure } from "../init.ts";

const testCaseId = z.object({ testCaseId: z.uuid({ error: "testCaseId must be a test case id" }) });

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "No such test case" });

function testCaseView(row: SopTestCaseRow) {
  return {
    id: row.id,
    ...(engineTestCase(row) as z.output<typeof testCaseSchema>),
    updatedAt: row.updatedAt,
  };
}

/** Stores a checked test case, or says the name is taken; anything else the database refuses is a bug. */
async function saving(save: () => Promise<SopTestCaseRow | undefined>): Promise<SopTestCaseRow> {
  try {
    const row = await save();
    if (!row) throw notFound();
    return row;
  } catch (error) {
    if (uniqueViolation(error) === "sop_test_cases_name")
      throw fieldError(
        "testCase.name",
        "name is already used by another test case",
        "CONFLICT",
        "taken",
      );
    throw error;
  }
}

function stored(testCase: z.output<typeof testCaseSchema>) {
  const { name, ...definition } = testCase;
  return { name, definition };
}

export const sopTestCasesRouter = createRouter({
  /** The tenant's test cases, each with its result against the current draft. */
  list: tenantProcedure("sop.view").query(async ({ ctx }) => {
    const [rows, draft] = await Promise.all([listSopTestCases(ctx.tx), findSopDraft(ctx.tx)]);
    return rows.map((row) => ({
      ...testCaseView(row),
      result: draft ? runTestCase(draft.ruleset, engineTestCase(row)) : null,
    }));
  }),

  /** A new test case; the engine's schema names any bad field (e.g. `testCase.incident.type`). */
  create: tenantProcedure("sop.edit")
    .input(z.object({ testCase: testCaseSchema }))
    .mutation(async ({ ctx, input }) => {
      const row = await saving(() =>
        insertSopTestCase(ctx.tx, ctx.tenant.id, stored(input.testCase)),
      );
      await ctx.audit({
        action: "sop.testCases.create",
        targetType: "sop_test_case",
        targetId: row.id,
        after: engineTestCase(row),
      });
      return testCaseView(row);
    }),

  update: tenantProcedure("sop.edit")
    .input(testCaseId.extend({ testCase: testCaseSchema }))
    .mutation(async ({ ctx, input }) => {
      const before = await findSopTestCase(ctx.tx, input.testCaseId);
      if (!before) throw notFound();
      const row = await saving(() =>
        updateSopTestCase(ctx.tx, input.testCaseId, stored(input.testCase)),
      );
      await ctx.audit({
        action: "sop.testCases.update",
        targetType: "sop_test_case",
        targetId: row.id,
        before: engineTestCase(before),
        after: engineTestCase(row),
      });
      return testCaseView(row);
    }),

  delete: tenantProcedure("sop.edit")
    .input(testCaseId)
    .mutation(async ({ ctx, input }) => {
      const row = await deleteSopTestCase(ctx.tx, input.testCaseId);
      if (!row) throw notFound();
      await ctx.audit({
        action: "sop.testCases.delete",
        targetType: "sop_test_case",
        targetId: row.id,
        before: engineTestCase(row),
      });
      return { id: row.id };
    }),
});
