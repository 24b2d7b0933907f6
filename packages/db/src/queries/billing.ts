import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import type { Executor, TenantTx } from "../client.ts";
import {
  billingPlans,
  billingProfiles,
  invoiceCounters,
  invoiceLines,
  invoiceReminders,
  invoices,
  payments,
  planAssignments,
  taxRates,
  usageDaily,
  usageEvents,
  type UsageMeter,
} from "../schema/billing.ts";
import { currentTenantSql } from "../schema/columns.ts";
import { tenants } from "../schema/tenants.ts";

// Plans, the tax table and the invoice counter are the platform's; everything else here runs inside
// `withTenant`, where row-level security confines it to that tenant.

export type BillingPlanRow = typeof billingPlans.$inferSelect;
export type BillingPlanFields = Omit<
  typeof billingPlans.$inferInsert,
  "id" | "createdAt" | "updatedAt"
>;
export type BillingProfileRow = typeof billingProfiles.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type TaxRateRow = typeof taxRates.$inferSelect;

export async function listBillingPlans(db: Executor): Promise<BillingPlanRow[]> {
  return db.select().from(billingPlans).orderBy(desc(billingPlans.active), asc(billingPlans.name));
}

export async function findBillingPlan(
  db: Executor,
  id: string,
): Promise<BillingPlanRow | undefined> {
  const [row] = await db.select().from(billingPlans).where(eq(billingPlans.id, id));
  return row;
}

/** A new plan, or undefined when its code is taken. */
export async function insertBillingPlan(
  db: Executor,
  plan: BillingPlanFields,
): Promise<BillingPlanRow | undefined> {
  const [row] = await db
    .insert(billingPlans)
    .values(plan)
    .onConflictDoNothing({ target: billingPlans.code })
    .returning();
  return row;
}

export async function updateBillingPlan(
  db: Executor,
  id: string,
  plan: Partial<BillingPlanFields>,
): Promise<BillingPlanRow | undefined> {
  const [row] = await db.update(billingPlans).set(plan).where(eq(billingPlans.id, id)).returning();
  return row;
}

export async function listTaxRates(db: Executor): Promise<TaxRateRow[]> {
  return db.select().from(taxRates).orderBy(asc(taxRates.name), desc(taxRates.effectiveFrom));
}

/** A new dated rate, or undefined when that tax already has a rate from that date. */
export async function insertTaxRate(
  db: Executor,
  rate: typeof taxRates.$inferInsert,
): Promise<TaxRateRow | undefined> {
  const [row] = await db.insert(taxRates).values(rate).onConflictDoNothing().returning();
  return row;
}

/** The rate of `name` in force on `day`: the latest one effective by then. */
export async function taxRateOn(
  db: Executor,
  name: string,
  day: string,
): Promise<TaxRateRow | undefined> {
  const [row] = await db
    .select()
    .from(taxRates)
    .where(and(eq(taxRates.name, name), lte(taxRates.effectiveFrom, day)))
    .orderBy(desc(taxRates.effectiveFrom))
    .limit(1);
  return row;
}

/**
 * The next invoice number of `year`. The counter row stays locked until the caller's transaction
 * ends, so a number is used exactly when its invoice commits: the year's numbers have no gaps.
 */
export async function allocateInvoiceNumber(tx: TenantTx, year: number): Promise<number> {
  const [row] = await tx
    .insert(invoiceCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({
      target: invoiceCounters.year,
      set: { last: sql`${invoiceCounters.last} + 1` },
    })
    .returning({ last: invoiceCounters.last });
  if (!row) throw new Error("invoice counter returned nothing");
  return row.last;
}

export interface BillingOverviewRow {
  tenantId: string;
  slug: string;
  displayName: string;
  planName: string | null;
  monthlyRecurring: number;
  outstanding: number;
  overdue: { days1to30: number; days31to60: number; days61to90: number; over90: number };
  suspendedAt: Date | null;
}

/** Every billed tenant's plan and what it owes, through `billing_overview()` (platform admins only). */
export async function billingOverview(
  db: Executor,
  sessionToken: string,
): Promise<BillingOverviewRow[]> {
  const rows = await db.execute<{
    tenant_id: string;
    slug: string;
    display_name: string;
    plan_name: string | null;
    monthly_recurring: string;
    outstanding: string;
    overdue_1_30: string;
    overdue_31_60: string;
    overdue_61_90: string;
    overdue_over_90: string;
    suspended_at: string | Date | null;
  }>(sql`select * from billing_overview(${sessionToken})`);
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    slug: row.slug,
    displayName: row.display_name,
    planName: row.plan_name,
    monthlyRecurring: Number(row.monthly_recurring),
    outstanding: Number(row.outstanding),
    overdue: {
      days1to30: Number(row.overdue_1_30),
      days31to60: Number(row.overdue_31_60),
      days61to90: Number(row.overdue_61_90),
      over90: Number(row.overdue_over_90),
    },
    suspendedAt: row.suspended_at === null ? null : new Date(row.suspended_at),
  }));
}

// --- one tenant ---

/** The transaction's tenant as billing addresses it, with its billing profile (null until one is saved). */
export async function findBilledTenant(tx: TenantTx) {
  const [row] = await tx
    .select({
      slug: tenants.slug,
      displayName: tenants.displayName,
      timeZone: tenants.timeZone,
      profile: billingProfiles,
    })
    .from(tenants)
    .leftJoin(billingProfiles, eq(billingProfiles.tenantId, tenants.id));
  if (!row) throw new Error("the transaction's tenant row is not visible");
  return row;
}

export async function findBillingProfile(tx: TenantTx): Promise<BillingProfileRow | undefined> {
  const [row] = await tx
    .select()
    .from(billingProfiles)
    .where(eq(billingProfiles.tenantId, currentTenantSql));
  return row;
}

export type BillingProfileFields = Pick<
  BillingProfileRow,
  "legalName" | "address" | "npwp" | "email" | "virtualAccount"
>;

export async function saveBillingProfile(
  tx: TenantTx,
  tenantId: string,
  fields: BillingProfileFields,
): Promise<BillingProfileRow> {
  const [row] = await tx
    .insert(billingProfiles)
    .values({ tenantId, ...fields })
    .onConflictDoUpdate({ target: billingProfiles.tenantId, set: fields })
    .returning();
  if (!row) throw new Error("billing profile upsert returned nothing");
  return row;
}

/** Suspends the tenant's non-critical features with a reason, or lifts the suspension (null). */
export async function setBillingSuspension(
  tx: TenantTx,
  reason: string | null,
): Promise<BillingProfileRow | undefined> {
  const [row] = await tx
    .update(billingProfiles)
    .set(
      reason === null
        ? { suspendedAt: null, suspensionReason: null }
        : { suspendedAt: new Date(), suspensionReason: reason },
    )
    .where(eq(billingProfiles.tenantId, currentTenantSql))
    .returning();
  return row;
}

/** Whether exports and configuration changes are suspended for the transaction's tenant. */
export async function billingSuspended(tx: TenantTx): Promise<boolean> {
  const [row] = await tx
    .select({ suspendedAt: billingProfiles.suspendedAt })
    .from(billingProfiles)
    .where(eq(billingProfiles.tenantId, currentTenantSql));
  return Boolean(row?.suspendedAt);
}

export interface PlanAssignmentRow {
  startsOn: string;
  plan: BillingPlanRow;
}

export async function listPlanAssignments(tx: TenantTx): Promise<PlanAssignmentRow[]> {
  const rows = await tx
    .select({ startsOn: planAssignments.startsOn, plan: billingPlans })
    .from(planAssignments)
    .innerJoin(billingPlans, eq(billingPlans.id, planAssignments.planId))
    .orderBy(asc(planAssignments.startsOn));
  return rows;
}

/** Puts the tenant on `planId` from `startsOn`, replacing an assignment of the same date. */
export async function assignPlan(
  tx: TenantTx,
  tenantId: string,
  assignment: { startsOn: string; planId: string; assignedBy: string | null },
): Promise<void> {
  await tx
    .insert(planAssignments)
    .values({ tenantId, ...assignment })
    .onConflictDoUpdate({
      target: [planAssignments.tenantId, planAssignments.startsOn],
      set: { planId: assignment.planId, assignedBy: assignment.assignedBy },
    });
}

/** Records fed usage; an event whose source key is already recorded is skipped. Returns how many were new. */
export async function insertUsageEvents(
  tx: TenantTx,
  tenantId: string,
  events: { sourceKey: string; meter: UsageMeter; quantity: number; occurredAt: Date }[],
): Promise<number> {
  if (events.length === 0) return 0;
  const rows = await tx
    .insert(usageEvents)
    .values(events.map((event) => ({ tenantId, ...event })))
    .onConflictDoNothing()
    .returning({ sourceKey: usageEvents.sourceKey });
  return rows.length;
}

/** The last day the rollup wrote, if any. */
export async function lastRolledUpDay(tx: TenantTx): Promise<string | null> {
  const [row] = await tx
    .select({ day: sql<string | null>`max(${usageDaily.day})::text` })
    .from(usageDaily);
  return row?.day ?? null;
}

/**
 * Writes the meters of the days `from` to `to` (both included) of the tenant's time zone, in one
 * statement. Counters (calls offered, notifications delivered, fed events) are recounted, so a rerun
 * writes the same figures. Gauges (seats, active trunk channels) are what the tenant holds when a day
 * is first rolled up and are kept on rerun: a day's seats do not change because someone joined later.
 */
export async function rollUpUsageDays(
  tx: TenantTx,
  tenantId: string,
  from: string,
  to: string,
  timeZone: string,
): Promise<void> {
  await tx.execute(sql`
    with days as (
      select d::date as day, d::date::timestamp at time zone ${timeZone} as from_at, (d::date + 1)::timestamp at time zone ${timeZone} as to_at
        from generate_series(${from}::date, ${to}::date, interval '1 day') d
    ),
    fed as (
      select days.day, e.meter, sum(e.quantity)::bigint as quantity
        from days join usage_events e on e.occurred_at >= days.from_at and e.occurred_at < days.to_at
       group by days.day, e.meter
    ),
    counted as (
      select days.day, 'calls'::usage_meter as meter, count(c.id)::bigint as quantity
        from days left join calls c on c.offered_at >= days.from_at and c.offered_at < days.to_at group by days.day
      union all
      select days.day, 'notifications'::usage_meter, count(d.id)::bigint
        from days left join notification_deliveries d on d.status = 'delivered' and d.delivered_at >= days.from_at and d.delivered_at < days.to_at
       group by days.day
    ),
    held as (
      select 'seats'::usage_meter as meter,
             (select count(*) from memberships where deactivated_at is null and role in ('tenant_admin', 'supervisor', 'operator'))::bigint as quantity
      union all
      select 'channels'::usage_meter, coalesce((select sum(max_channels) from phone_trunks where status = 'active'), 0)::bigint
    ),
    counters_written as (
      insert into usage_daily (tenant_id, day, meter, quantity)
      select ${tenantId}::uuid, c.day, c.meter, c.quantity + coalesce(f.quantity, 0)
        from counted c left join fed f on f.day = c.day and f.meter = c.meter
      on conflict (tenant_id, day, meter) do update set quantity = excluded.quantity, rolled_up_at = now()
    )
    insert into usage_daily (tenant_id, day, meter, quantity)
    select ${tenantId}::uuid, days.day, h.meter, h.quantity + coalesce(f.quantity, 0)
      from days cross join held h left join fed f on f.day = days.day and f.meter = h.meter
    on conflict (tenant_id, day, meter) do nothing`);
}

export async function readDailyUsage(
  tx: TenantTx,
  from: string,
  to: string,
): Promise<Map<string, Partial<Record<UsageMeter, number>>>> {
  const rows = await tx
    .select({ day: usageDaily.day, meter: usageDaily.meter, quantity: usageDaily.quantity })
    .from(usageDaily)
    .where(and(gte(usageDaily.day, from), lte(usageDaily.day, to)));
  const usage = new Map<string, Partial<Record<UsageMeter, number>>>();
  for (const row of rows) usage.set(row.day, { ...usage.get(row.day), [row.meter]: row.quantity });
  return usage;
}

/** The last day an invoice (not a credit note) covers, or null before the first invoice. */
export async function billedThrough(tx: TenantTx): Promise<string | null> {
  const [row] = await tx
    .select({ day: sql<string | null>`max(${invoices.periodEnd})::text` })
    .from(invoices)
    .where(eq(invoices.kind, "invoice"));
  return row?.day ?? null;
}

/** Issued invoices whose due date is before `today` turn overdue; returns how many did. */
export async function markInvoicesOverdue(tx: TenantTx, today: string): Promise<number> {
  const rows = await tx
    .update(invoices)
    .set({ status: "overdue" })
    .where(
      and(eq(invoices.kind, "invoice"), eq(invoices.status, "issued"), lt(invoices.dueOn, today)),
    )
    .returning({ id: invoices.id });
  return rows.length;
}

export type NewInvoice = Omit<typeof invoices.$inferInsert, "tenantId" | "createdAt" | "updatedAt">;
export type NewInvoiceLine = Omit<
  typeof invoiceLines.$inferInsert,
  "tenantId" | "invoiceId" | "position"
>;

/**
 * Inserts an invoice and its lines, or nothing when the tenant already has one for that period
 * (`invoices_one_per_period`): then the caller's transaction must roll back its number.
 */
export async function insertInvoice(
  tx: TenantTx,
  tenantId: string,
  invoice: NewInvoice,
  lines: NewInvoiceLine[],
): Promise<InvoiceRow | undefined> {
  const [row] = await tx
    .insert(invoices)
    .values({ tenantId, ...invoice })
    .onConflictDoNothing({ target: [invoices.tenantId, invoices.kind, invoices.periodStart] })
    .returning();
  if (!row) return undefined;
  if (lines.length > 0) {
    await tx
      .insert(invoiceLines)
      .values(
        lines.map((line, index) => ({ tenantId, invoiceId: row.id, position: index + 1, ...line })),
      );
  }
  return row;
}

export async function listInvoices(tx: TenantTx): Promise<InvoiceRow[]> {
  return tx.select().from(invoices).orderBy(desc(invoices.periodStart), asc(invoices.kind));
}

export interface InvoiceWithDetails extends InvoiceRow {
  lines: InvoiceLineRow[];
  payments: PaymentRow[];
}

export async function findInvoice(
  tx: TenantTx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<InvoiceWithDetails | undefined> {
  const query = tx.select().from(invoices).where(eq(invoices.id, id));
  const [row] = await (options.lock ? query.for("update") : query);
  if (!row) return undefined;
  const [lines, paid] = await Promise.all([
    tx
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, id))
      .orderBy(asc(invoiceLines.position)),
    tx
      .select()
      .from(payments)
      .where(eq(payments.invoiceId, id))
      .orderBy(asc(payments.receivedOn), asc(payments.createdAt)),
  ]);
  return { ...row, lines, payments: paid };
}

/** The credit note that corrects a voided invoice, if any. */
export async function findCreditNoteFor(
  tx: TenantTx,
  invoiceId: string,
): Promise<{ id: string; number: string } | undefined> {
  const [row] = await tx
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(eq(invoices.correctsId, invoiceId));
  return row;
}

export async function updateInvoice(
  tx: TenantTx,
  id: string,
  fields: Partial<Pick<InvoiceRow, "status" | "paid" | "voidReason">>,
): Promise<InvoiceRow> {
  const [row] = await tx.update(invoices).set(fields).where(eq(invoices.id, id)).returning();
  if (!row) throw new Error(`invoice ${id} vanished while locked`);
  return row;
}

/** A payment, or undefined when that reference is already recorded against the invoice. */
export async function insertPayment(
  tx: TenantTx,
  tenantId: string,
  payment: Omit<typeof payments.$inferInsert, "tenantId" | "id" | "createdAt">,
): Promise<PaymentRow | undefined> {
  const [row] = await tx
    .insert(payments)
    .values({ tenantId, ...payment })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** Marks a reminder sent; false when it already was (a retried job must not mail twice). */
export async function claimReminder(
  tx: TenantTx,
  tenantId: string,
  invoiceId: string,
  kind: string,
): Promise<boolean> {
  const rows = await tx
    .insert(invoiceReminders)
    .values({ tenantId, invoiceId, kind })
    .onConflictDoNothing()
    .returning({ kind: invoiceReminders.kind });
  return rows.length > 0;
}

export async function listReminders(
  tx: TenantTx,
  invoiceIds: string[],
): Promise<(typeof invoiceReminders.$inferSelect)[]> {
  if (invoiceIds.length === 0) return [];
  return tx
    .select()
    .from(invoiceReminders)
    .where(inArray(invoiceReminders.invoiceId, invoiceIds))
    .orderBy(asc(invoiceReminders.sentAt));
}
