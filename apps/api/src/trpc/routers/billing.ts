import { TRPCError } from "@trpc/server";
import {
  assignPlan,
  billedThrough,
  findBilledTenant,
  findCreditNoteFor,
  findBillingPlan,
  findInvoice,
  listInvoices,
  listPlanAssignments,
  listReminders,
  readDailyUsage,
  saveBillingProfile,
  setBillingSuspension,
  type InvoiceRow,
} from "@sigap/db/queries";
import { usageMeters, type UsageMeter } from "@sigap/db/schema";
import { addDays, monthOf } from "../../billing/calendar.ts";
import { issueDueInvoices } from "../../billing/close.ts";
import { invoiceDocument, invoicePdfFilename } from "../../billing/document.ts";
import {
  assignPlanInput,
  billingProfileInput,
  invoiceIdInput,
  recordPaymentInput,
  suspendInput,
  voidInvoiceInput,
} from "../../billing/inputs.ts";
import { renderInvoicePdf } from "../../billing/invoice-pdf.ts";
import { recordPayment, suspensionGraceDays, voidInvoice } from "../../billing/payments.ts";
import { planOn } from "../../billing/periods.ts";
import { dateInZone } from "../../csv.ts";
import { fieldError } from "../field-error.ts";
import { createRouter, tenantProcedure } from "../init.ts";

const invoiceTarget = "invoice";

/** An invoice the region still owes on; a credit note is never owed, whatever its status. */
const owes = (invoice: InvoiceRow) =>
  invoice.kind === "invoice" && (invoice.status === "issued" || invoice.status === "overdue");

function noInvoice(): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: "No such invoice" });
}

/** One region's billing: what tenant admins see of it, and what platform admins do in it. */
export const billingRouter = createRouter({
  /** The region's plan, billing profile, usage this month so far, invoices and any suspension. */
  overview: tenantProcedure("billing.view").query(async ({ ctx }) => {
    const today = dateInZone(new Date(), ctx.tenant.timeZone);
    const month = monthOf(today);
    const [tenant, assignments, invoices, usage] = await Promise.all([
      findBilledTenant(ctx.tx),
      listPlanAssignments(ctx.tx),
      listInvoices(ctx.tx),
      readDailyUsage(ctx.tx, month.start, today),
    ]);
    const monthToDate = Object.fromEntries(usageMeters.map((meter) => [meter, 0])) as Record<
      UsageMeter,
      number
    >;
    const peaks = { ...monthToDate };
    for (const readings of usage.values()) {
      for (const meter of usageMeters) {
        const value = readings[meter] ?? 0;
        monthToDate[meter] += value;
        peaks[meter] = Math.max(peaks[meter], value);
      }
    }
    const profile = tenant.profile;
    return {
      today,
      profile: profile && {
        legalName: profile.legalName,
        address: profile.address,
        npwp: profile.npwp,
        email: profile.email,
        virtualAccount: profile.virtualAccount,
      },
      suspension: profile?.suspendedAt
        ? { since: profile.suspendedAt.toISOString(), reason: profile.suspensionReason }
        : null,
      currentPlan: planOn(assignments, today)?.plan ?? null,
      assignments: assignments.map((assignment) => ({
        startsOn: assignment.startsOn,
        plan: assignment.plan,
      })),
      // Calls and notifications add up over the month; seats and channels are held, so their peak counts.
      usage: {
        from: month.start,
        through: addDays(today, -1),
        calls: monthToDate.calls,
        notifications: monthToDate.notifications,
        seats: peaks.seats,
        channels: peaks.channels,
      },
      invoices: invoices.map((invoice) => ({
        id: invoice.id,
        kind: invoice.kind,
        number: invoice.number,
        periodStart: invoice.periodStart,
        periodEnd: invoice.periodEnd,
        status: invoice.status,
        issuedOn: invoice.issuedOn,
        dueOn: invoice.dueOn,
        total: invoice.total,
        paid: invoice.paid,
        correctsId: invoice.correctsId,
      })),
      outstanding: invoices.filter(owes).reduce((sum, i) => sum + i.total - i.paid, 0),
    };
  }),

  /** One invoice as issued, with its lines, payments and the reminders sent. */
  invoice: tenantProcedure("billing.view")
    .input(invoiceIdInput)
    .query(async ({ ctx, input }) => {
      const invoice = await findInvoice(ctx.tx, input.invoiceId);
      if (!invoice) throw noInvoice();
      const [reminders, creditNote] = await Promise.all([
        listReminders(ctx.tx, [invoice.id]),
        findCreditNoteFor(ctx.tx, invoice.id),
      ]);
      return {
        ...invoice,
        creditNote: creditNote ?? null,
        createdAt: invoice.createdAt.toISOString(),
        updatedAt: invoice.updatedAt.toISOString(),
        payments: invoice.payments.map((payment) => ({
          ...payment,
          createdAt: payment.createdAt.toISOString(),
        })),
        reminders: reminders.map((reminder) => ({
          kind: reminder.kind,
          sentAt: reminder.sentAt.toISOString(),
        })),
      };
    }),

  /** The invoice's PDF, base64-encoded for the JSON transport. */
  invoicePdf: tenantProcedure("billing.view")
    .input(invoiceIdInput)
    .query(async ({ ctx, input }) => {
      const invoice = await findInvoice(ctx.tx, input.invoiceId);
      if (!invoice) throw noInvoice();
      const pdf = await renderInvoicePdf(invoiceDocument(invoice));
      return {
        filename: invoicePdfFilename(invoice.number),
        base64: Buffer.from(pdf).toString("base64"),
      };
    }),

  saveProfile: tenantProcedure("billing.manage")
    .input(billingProfileInput)
    .mutation(async ({ ctx, input }) => {
      const before = (await findBilledTenant(ctx.tx)).profile;
      const saved = await saveBillingProfile(ctx.tx, ctx.tenant.id, input);
      await ctx.audit({
        action: "billing.saveProfile",
        targetType: "tenant",
        targetId: ctx.tenant.id,
        before: before ?? undefined,
        after: input,
      });
      return { legalName: saved.legalName };
    }),

  /**
   * Puts the region on a plan from a date. Days already invoiced keep their plan; a change inside
   * an open period is prorated by day on the next invoice.
   */
  assignPlan: tenantProcedure("billing.manage")
    .input(assignPlanInput)
    .mutation(async ({ ctx, input }) => {
      const plan = await findBillingPlan(ctx.tx, input.planId);
      if (!plan) throw fieldError("planId", "No such plan");
      if (!plan.active)
        throw fieldError("planId", `Plan ${plan.name} is retired and takes no new regions`);
      const billed = await billedThrough(ctx.tx);
      if (billed !== null && input.startsOn <= billed) {
        throw fieldError(
          "startsOn",
          `startsOn must be after ${billed}: days up to then are invoiced already`,
        );
      }
      await assignPlan(ctx.tx, ctx.tenant.id, {
        startsOn: input.startsOn,
        planId: plan.id,
        assignedBy: ctx.auth.user.id,
      });
      await ctx.audit({
        action: "billing.assignPlan",
        targetType: "tenant",
        targetId: ctx.tenant.id,
        after: { plan: plan.name, planId: plan.id, startsOn: input.startsOn },
      });
      return { startsOn: input.startsOn, plan: plan.name };
    }),

  recordPayment: tenantProcedure("billing.manage")
    .input(recordPaymentInput)
    .mutation(async ({ ctx, input }) => {
      const recorded = await recordPayment(ctx.tx, ctx.tenant.id, {
        ...input,
        recordedBy: ctx.auth.user.id,
      });
      await ctx.audit({
        action: "billing.recordPayment",
        targetType: invoiceTarget,
        targetId: input.invoiceId,
        after: {
          number: recorded.invoice.number,
          amount: input.amount,
          reference: input.reference,
          receivedOn: input.receivedOn,
          status: recorded.invoice.status,
        },
      });
      return {
        status: recorded.invoice.status,
        paid: recorded.invoice.paid,
        total: recorded.invoice.total,
        overpaid: recorded.overpaid,
      };
    }),

  voidInvoice: tenantProcedure("billing.manage")
    .input(voidInvoiceInput)
    .mutation(async ({ ctx, input }) => {
      const today = dateInZone(new Date(), ctx.tenant.timeZone);
      const { invoice, creditNote } = await voidInvoice(ctx.tx, ctx.tenant.id, { ...input, today });
      await ctx.audit({
        action: "billing.voidInvoice",
        targetType: invoiceTarget,
        targetId: invoice.id,
        after: { number: invoice.number, reason: input.reason, creditNote: creditNote.number },
      });
      return {
        status: invoice.status,
        creditNote: { id: creditNote.id, number: creditNote.number },
      };
    }),

  /**
   * Suspends exports and configuration changes (never calls, dispatch or sign-in) of a region with
   * an invoice more than `suspensionGraceDays` past due.
   */
  suspend: tenantProcedure("billing.manage")
    .input(suspendInput)
    .mutation(async ({ ctx, input }) => {
      const today = dateInZone(new Date(), ctx.tenant.timeZone);
      const limit = addDays(today, -suspensionGraceDays);
      const overdue = (await listInvoices(ctx.tx)).filter((i) => owes(i) && i.dueOn < limit);
      if (overdue.length === 0) {
        throw fieldError(
          "reason",
          `Only a region with an invoice more than ${String(suspensionGraceDays)} days past due can be suspended`,
          "CONFLICT",
        );
      }
      const profile = await setBillingSuspension(ctx.tx, input.reason);
      if (!profile) throw fieldError("reason", "The region has no billing profile", "CONFLICT");
      await ctx.audit({
        action: "billing.suspend",
        targetType: "tenant",
        targetId: ctx.tenant.id,
        after: { reason: input.reason, overdue: overdue.map((i) => i.number) },
      });
      return { since: profile.suspendedAt?.toISOString() ?? null };
    }),

  /** Issues now, instead of at the worker's next hourly step, every ended period of the region without an invoice. */
  issueDue: tenantProcedure("billing.manage").mutation(async ({ ctx }) => {
    const issued = await issueDueInvoices(
      { db: ctx.db, config: ctx.config, jobs: ctx.jobs, log: ctx.log },
      ctx.tx,
      ctx.tenant.id,
    );
    // Each invoice is audited as issued by the system; this entry says who asked for it early.
    if (issued.length > 0)
      await ctx.audit({
        action: "billing.issueDue",
        targetType: "tenant",
        targetId: ctx.tenant.id,
        after: { issued: issued.map((i) => i.number) },
      });
    return {
      issued: issued.map((invoice) => ({
        id: invoice.id,
        number: invoice.number,
        total: invoice.total,
      })),
    };
  }),

  resume: tenantProcedure("billing.manage").mutation(async ({ ctx }) => {
    const profile = await setBillingSuspension(ctx.tx, null);
    if (profile)
      await ctx.audit({ action: "billing.resume", targetType: "tenant", targetId: ctx.tenant.id });
    return { resumed: Boolean(profile) };
  }),
});
