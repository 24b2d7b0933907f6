import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { id, tenantId, tenantIsolationPolicy, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";
import { users } from "./users.ts";

// Billing: regional governments pay from their budget by bank transfer against an invoice. Plans
// and the tax table are the platform's (no tenant_id); everything about one region's usage,
// invoices and payments is a tenant table. Amounts are whole rupiah in bigint columns read as
// JavaScript numbers: safe up to 9 quadrillion rupiah, far above any invoice.

const rupiah = () => bigint({ mode: "number" });

export const billingPeriod = pgEnum("billing_period", ["monthly", "annual"]);

/** A price list. Issued invoices copy its prices, so changing a plan never changes an invoice. */
export const billingPlans = pgTable(
  "billing_plans",
  {
    id: id().primaryKey(),
    code: text().notNull().unique(),
    name: text().notNull(),
    period: billingPeriod().notNull(),
    /** The fee for one whole period, before usage and tax. */
    baseFee: rupiah().notNull(),
    /** Per operator seat (tenant admins, supervisors and operators) per period. */
    seatFee: rupiah().notNull(),
    /** Per active trunk channel per period. */
    channelFee: rupiah().notNull(),
    /** Per agency notification delivered. */
    notificationFee: rupiah().notNull(),
    /** Calls included per period; each call above it costs `callFee`. */
    callAllowance: integer().notNull(),
    callFee: rupiah().notNull(),
    active: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [
    check(
      "billing_plans_amounts",
      sql`${t.baseFee} >= 0 and ${t.seatFee} >= 0 and ${t.channelFee} >= 0 and ${t.notificationFee} >= 0 and ${t.callFee} >= 0 and ${t.callAllowance} >= 0`,
    ),
  ],
);

/** Dated tax rates: the rate in force on an invoice's issue date is the latest one effective by then. */
export const taxRates = pgTable(
  "tax_rates",
  {
    name: text().notNull(),
    effectiveFrom: date({ mode: "string" }).notNull(),
    /** The effective rate in basis points: 1100 is 11 %. */
    rateBasisPoints: integer().notNull(),
    note: text(),
  },
  (t) => [
    primaryKey({ columns: [t.name, t.effectiveFrom] }),
    check("tax_rates_range", sql`${t.rateBasisPoints} between 0 and 10000`),
  ],
);

/**
 * The platform's invoice counter per year: allocated in the issuing transaction, so a number is
 * used exactly when its invoice commits and the year's numbers have no gaps.
 */
export const invoiceCounters = pgTable("invoice_counters", {
  year: integer().primaryKey(),
  last: integer().notNull(),
});

/** Who the region's invoices are addressed to, and whether its non-critical features are suspended. */
export const billingProfiles = pgTable(
  "billing_profiles",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    legalName: text().notNull(),
    address: text(),
    npwp: text(),
    /** Where invoices and reminders are mailed. */
    email: text(),
    /** The bank's virtual-account reference the region pays to. */
    virtualAccount: text().notNull(),
    /** Set while a platform admin has suspended exports and configuration changes (never calls or dispatch). */
    suspendedAt: timestamp({ withTimezone: true }),
    suspensionReason: text(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    check(
      "billing_profiles_suspension_reason",
      sql`(${t.suspendedAt} is null) = (${t.suspensionReason} is null)`,
    ),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/** The plan a region is on from a date (in its time zone) until the next assignment's date. */
export const planAssignments = pgTable(
  "plan_assignments",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    startsOn: date({ mode: "string" }).notNull(),
    planId: uuid()
      .notNull()
      .references(() => billingPlans.id),
    assignedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.startsOn] }), tenantIsolationPolicy()],
).enableRLS();

export const usageMeters = ["seats", "channels", "notifications", "calls"] as const;
export const usageMeter = pgEnum("usage_meter", usageMeters);
export type UsageMeter = (typeof usageMeters)[number];

/**
 * Usage fed from outside the platform's own tables (a migration from another system, a correction):
 * counted into the day it occurred on. `sourceKey` makes feeding idempotent.
 */
export const usageEvents = pgTable(
  "usage_events",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    sourceKey: text().notNull(),
    meter: usageMeter().notNull(),
    quantity: integer().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.sourceKey] }), tenantIsolationPolicy()],
).enableRLS();

/** One meter's reading for one day of the tenant's time zone, written by the daily rollup. */
export const usageDaily = pgTable(
  "usage_daily",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    meter: usageMeter().notNull(),
    quantity: bigint({ mode: "number" }).notNull(),
    rolledUpAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.day, t.meter] }),
    check("usage_daily_quantity", sql`${t.quantity} >= 0`),
    tenantIsolationPolicy(),
  ],
).enableRLS();

export const invoiceKind = pgEnum("invoice_kind", ["invoice", "credit_note"]);
export const invoiceStatus = pgEnum("invoice_status", [
  "draft",
  "issued",
  "paid",
  "overdue",
  "void",
]);

/** The seller and buyer as printed on an invoice when it was issued. */
export interface InvoiceParties {
  seller: {
    name: string;
    address: string;
    npwp: string | null;
    bank: { name: string; accountNumber: string; accountName: string };
  };
  buyer: { legalName: string; address: string | null; npwp: string | null; email: string | null };
  virtualAccount: string;
}

/**
 * An invoice for one period, or a credit note correcting a voided one. Everything printed is copied
 * in at issue (prices, parties, tax rate), so the document never changes afterwards.
 */
export const invoices = pgTable(
  "invoices",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: id(),
    kind: invoiceKind().notNull().default("invoice"),
    /** The invoice a credit note corrects. */
    correctsId: uuid(),
    year: integer().notNull(),
    sequence: integer().notNull(),
    number: text().notNull(),
    periodStart: date({ mode: "string" }).notNull(),
    periodEnd: date({ mode: "string" }).notNull(),
    status: invoiceStatus().notNull(),
    issuedOn: date({ mode: "string" }).notNull(),
    dueOn: date({ mode: "string" }).notNull(),
    subtotal: rupiah().notNull(),
    taxName: text().notNull(),
    taxRateBasisPoints: integer().notNull(),
    tax: rupiah().notNull(),
    total: rupiah().notNull(),
    /** Sum of the payments recorded against it. */
    paid: rupiah().notNull().default(0),
    parties: jsonb().$type<InvoiceParties>().notNull(),
    voidReason: text(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique("invoices_number").on(t.tenantId, t.year, t.sequence),
    // Exactly one invoice per tenant and period, whatever retries and workers do.
    unique("invoices_one_per_period").on(t.tenantId, t.kind, t.periodStart),
    foreignKey({
      columns: [t.tenantId, t.correctsId],
      foreignColumns: [t.tenantId, t.id],
      name: "invoices_corrects_fk",
    }),
    check("invoices_period", sql`${t.periodStart} <= ${t.periodEnd}`),
    check(
      "invoices_credit_note_corrects",
      sql`(${t.kind} = 'credit_note') = (${t.correctsId} is not null)`,
    ),
    check("invoices_void_reason", sql`(${t.status} = 'void') = (${t.voidReason} is not null)`),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/** One priced line of an invoice, as printed. */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    tenantId: tenantId(),
    invoiceId: uuid().notNull(),
    position: smallint().notNull(),
    description: text().notNull(),
    /** Decimal text: prorated seats are fractions of a period ("6.45"). */
    quantity: text().notNull(),
    unit: text().notNull(),
    unitPrice: rupiah().notNull(),
    amount: rupiah().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.invoiceId, t.position] }),
    foreignKey({
      columns: [t.tenantId, t.invoiceId],
      foreignColumns: [invoices.tenantId, invoices.id],
      name: "invoice_lines_invoice_fk",
    }).onDelete("cascade"),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/** A bank transfer the platform admin recorded against an invoice. */
export const payments = pgTable(
  "payments",
  {
    // A payment outlives nothing but its tenant: the runtime role cannot delete invoices.
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: id(),
    invoiceId: uuid().notNull(),
    receivedOn: date({ mode: "string" }).notNull(),
    /** The bank's transfer reference; recording the same one twice for an invoice is refused. */
    reference: text().notNull(),
    amount: rupiah().notNull(),
    recordedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique("payments_reference").on(t.tenantId, t.invoiceId, t.reference),
    foreignKey({
      columns: [t.tenantId, t.invoiceId],
      foreignColumns: [invoices.tenantId, invoices.id],
      name: "payments_invoice_fk",
    }),
    check("payments_amount", sql`${t.amount} > 0`),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/** A reminder sent for an invoice: one per kind, so a retried reminder job mails once. */
export const invoiceReminders = pgTable(
  "invoice_reminders",
  {
    tenantId: tenantId(),
    invoiceId: uuid().notNull(),
    /** `before_due`, `due`, `overdue_7`…: see apps/api/src/billing/reminders.ts. */
    kind: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.invoiceId, t.kind] }),
    foreignKey({
      columns: [t.tenantId, t.invoiceId],
      foreignColumns: [invoices.tenantId, invoices.id],
      name: "invoice_reminders_invoice_fk",
    }).onDelete("cascade"),
    tenantIsolationPolicy(),
  ],
).enableRLS();
