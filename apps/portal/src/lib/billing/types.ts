import type { RouterOutputs } from "#lib/api/client.ts";

/** One region's billing as its page shows it. */
export type BillingOverview = RouterOutputs["billing"]["overview"];
export type InvoiceSummary = BillingOverview["invoices"][number];
export type InvoiceStatus = InvoiceSummary["status"];
export type InvoiceKind = InvoiceSummary["kind"];
export type BillingProfile = NonNullable<BillingOverview["profile"]>;
export type PlanAssignment = BillingOverview["assignments"][number];
/** An invoice or credit note as issued, with its lines, payments and reminders. */
export type InvoiceDetail = RouterOutputs["billing"]["invoice"];

export type BillingPlan = RouterOutputs["billingAdmin"]["plans"][number];
export type TaxRate = RouterOutputs["billingAdmin"]["taxRates"][number];
/** The platform's dashboard: every billed region and the totals. */
export type PlatformBilling = RouterOutputs["billingAdmin"]["overview"];
export type RegionBilling = PlatformBilling["tenants"][number];
export type OverdueByAge = PlatformBilling["totals"]["overdue"];

/** The plan fields a platform admin sets (everything but its id and timestamps). */
export type PlanFields = Pick<
  BillingPlan,
  | "name"
  | "period"
  | "baseFee"
  | "seatFee"
  | "channelFee"
  | "notificationFee"
  | "callAllowance"
  | "callFee"
  | "active"
>;
