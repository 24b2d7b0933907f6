import {
  billingOverview,
  insertBillingPlan,
  insertTaxRate,
  listBillingPlans,
  listTaxRates,
  updateBillingPlan,
} from "@sigap/db/queries";
import { addTaxRateInput, createPlanInput, updatePlanInput } from "../../billing/inputs.ts";
import { fieldError } from "../field-error.ts";
import { createRouter, platformProcedure } from "../init.ts";

/** The platform's side of billing: plans, the tax table and the dashboard across regions. */
export const billingAdminRouter = createRouter({
  plans: platformProcedure("billing.manage").query(({ ctx }) => listBillingPlans(ctx.db)),

  createPlan: platformProcedure("billing.manage")
    .input(createPlanInput)
    .mutation(async ({ ctx, input }) => {
      const plan = await insertBillingPlan(ctx.db, input);
      if (!plan)
        throw fieldError(
          "code",
          `A plan with the code ${input.code} exists already`,
          "CONFLICT",
          "taken",
        );
      await ctx.audit({
        action: "billing.createPlan",
        targetType: "billing_plan",
        targetId: plan.id,
        after: input,
      });
      return plan;
    }),

  /** Changes a plan's prices from the next invoice on; issued invoices keep the prices they were issued with. */
  updatePlan: platformProcedure("billing.manage")
    .input(updatePlanInput)
    .mutation(async ({ ctx, input }) => {
      const { planId, ...fields } = input;
      const plans = await listBillingPlans(ctx.db);
      const before = plans.find((plan) => plan.id === planId);
      if (!before) throw fieldError("planId", "No such plan");
      const plan = await updateBillingPlan(ctx.db, planId, fields);
      await ctx.audit({
        action: "billing.updatePlan",
        targetType: "billing_plan",
        targetId: planId,
        before,
        after: fields,
      });
      return plan;
    }),

  taxRates: platformProcedure("billing.manage").query(({ ctx }) => listTaxRates(ctx.db)),

  /** A new dated rate; invoices issued from that date on use it. Past rates are never changed. */
  addTaxRate: platformProcedure("billing.manage")
    .input(addTaxRateInput)
    .mutation(async ({ ctx, input }) => {
      const rate = await insertTaxRate(ctx.db, input);
      if (!rate)
        throw fieldError(
          "effectiveFrom",
          `${input.name} already has a rate from ${input.effectiveFrom}`,
          "CONFLICT",
        );
      await ctx.audit({
        action: "billing.addTaxRate",
        targetType: "tax_rate",
        targetId: `${input.name}:${input.effectiveFrom}`,
        after: input,
      });
      return rate;
    }),

  /** Recurring revenue, what is outstanding and overdue by age, per region and in total. */
  overview: platformProcedure("billing.manage").query(async ({ ctx }) => {
    const tenants = await billingOverview(ctx.db, ctx.auth.token);
    const total = (pick: (row: (typeof tenants)[number]) => number) =>
      tenants.reduce((sum, row) => sum + pick(row), 0);
    return {
      tenants: tenants.map((row) => ({
        ...row,
        suspendedAt: row.suspendedAt?.toISOString() ?? null,
      })),
      totals: {
        monthlyRecurring: total((row) => row.monthlyRecurring),
        outstanding: total((row) => row.outstanding),
        overdue: {
          days1to30: total((row) => row.overdue.days1to30),
          days31to60: total((row) => row.overdue.days31to60),
          days61to90: total((row) => row.overdue.days61to90),
          over90: total((row) => row.overdue.over90),
        },
      },
    };
  }),
});
