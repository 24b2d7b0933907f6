CREATE TYPE "public"."billing_period" AS ENUM('monthly', 'annual');--> statement-breakpoint
CREATE TYPE "public"."invoice_kind" AS ENUM('invoice', 'credit_note');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('draft', 'issued', 'paid', 'overdue', 'void');--> statement-breakpoint
CREATE TYPE "public"."usage_meter" AS ENUM('seats', 'channels', 'notifications', 'calls');--> statement-breakpoint
CREATE TABLE "billing_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"period" "billing_period" NOT NULL,
	"base_fee" bigint NOT NULL,
	"seat_fee" bigint NOT NULL,
	"channel_fee" bigint NOT NULL,
	"notification_fee" bigint NOT NULL,
	"call_allowance" integer NOT NULL,
	"call_fee" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_plans_code_unique" UNIQUE("code"),
	CONSTRAINT "billing_plans_amounts" CHECK ("billing_plans"."base_fee" >= 0 and "billing_plans"."seat_fee" >= 0 and "billing_plans"."channel_fee" >= 0 and "billing_plans"."notification_fee" >= 0 and "billing_plans"."call_fee" >= 0 and "billing_plans"."call_allowance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "billing_profiles" (
	"tenant_id" uuid NOT NULL,
	"legal_name" text NOT NULL,
	"address" text,
	"npwp" text,
	"email" text,
	"virtual_account" text NOT NULL,
	"suspended_at" timestamp with time zone,
	"suspension_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_profiles_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "billing_profiles_suspension_reason" CHECK (("billing_profiles"."suspended_at" is null) = ("billing_profiles"."suspension_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "billing_profiles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "invoice_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"tenant_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"description" text NOT NULL,
	"quantity" text NOT NULL,
	"unit" text NOT NULL,
	"unit_price" bigint NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "invoice_lines_tenant_id_invoice_id_position_pk" PRIMARY KEY("tenant_id","invoice_id","position")
);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "invoice_reminders" (
	"tenant_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_reminders_tenant_id_invoice_id_kind_pk" PRIMARY KEY("tenant_id","invoice_id","kind")
);
--> statement-breakpoint
ALTER TABLE "invoice_reminders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "invoices" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "invoice_kind" DEFAULT 'invoice' NOT NULL,
	"corrects_id" uuid,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" "invoice_status" NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"subtotal" bigint NOT NULL,
	"tax_name" text NOT NULL,
	"tax_rate_basis_points" integer NOT NULL,
	"tax" bigint NOT NULL,
	"total" bigint NOT NULL,
	"paid" bigint DEFAULT 0 NOT NULL,
	"parties" jsonb NOT NULL,
	"void_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "invoices_number" UNIQUE("tenant_id","year","sequence"),
	CONSTRAINT "invoices_one_per_period" UNIQUE("tenant_id","kind","period_start"),
	CONSTRAINT "invoices_period" CHECK ("invoices"."period_start" <= "invoices"."period_end"),
	CONSTRAINT "invoices_credit_note_corrects" CHECK (("invoices"."kind" = 'credit_note') = ("invoices"."corrects_id" is not null)),
	CONSTRAINT "invoices_void_reason" CHECK (("invoices"."status" = 'void') = ("invoices"."void_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "invoices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "payments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"reference" text NOT NULL,
	"amount" bigint NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "payments_reference" UNIQUE("tenant_id","invoice_id","reference"),
	CONSTRAINT "payments_amount" CHECK ("payments"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "payments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_assignments" (
	"tenant_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"plan_id" uuid NOT NULL,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_assignments_tenant_id_starts_on_pk" PRIMARY KEY("tenant_id","starts_on")
);
--> statement-breakpoint
ALTER TABLE "plan_assignments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"name" text NOT NULL,
	"effective_from" date NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"note" text,
	CONSTRAINT "tax_rates_name_effective_from_pk" PRIMARY KEY("name","effective_from"),
	CONSTRAINT "tax_rates_range" CHECK ("tax_rates"."rate_basis_points" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"meter" "usage_meter" NOT NULL,
	"quantity" bigint NOT NULL,
	"rolled_up_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_daily_tenant_id_day_meter_pk" PRIMARY KEY("tenant_id","day","meter"),
	CONSTRAINT "usage_daily_quantity" CHECK ("usage_daily"."quantity" >= 0)
);
--> statement-breakpoint
ALTER TABLE "usage_daily" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "usage_events" (
	"tenant_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"meter" "usage_meter" NOT NULL,
	"quantity" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "usage_events_tenant_id_source_key_pk" PRIMARY KEY("tenant_id","source_key")
);
--> statement-breakpoint
ALTER TABLE "usage_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "billing_profiles" ADD CONSTRAINT "billing_profiles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_reminders" ADD CONSTRAINT "invoice_reminders_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_corrects_fk" FOREIGN KEY ("tenant_id","corrects_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_plan_id_billing_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."billing_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "billing_profiles" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "invoice_lines" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "invoice_reminders" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "invoices" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "payments" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "plan_assignments" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "usage_daily" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "usage_events" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
-- Not expressible in the schema: RLS forcing, grants, the tax table's first rows and the platform
-- billing overview. Issued invoices, their lines and payments are never deleted by the runtime role:
-- a wrong invoice is voided (it keeps its number) and corrected by a credit note.
ALTER TABLE "billing_profiles" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "plan_assignments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "usage_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "usage_daily" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invoices" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invoice_lines" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "payments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invoice_reminders" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "billing_plans" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "tax_rates" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "invoice_counters" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "billing_profiles" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "plan_assignments" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "usage_events" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "usage_daily" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "invoices" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "invoice_lines" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "payments" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "invoice_reminders" TO sigap_app;--> statement-breakpoint
-- PPN: 11 % since UU HPP (1 April 2022). Since 2025 the nominal rate is 12 % on a tax base of 11/12
-- of the price for everything but luxury goods (PMK 131/2024), so the effective rate stays 11 %.
INSERT INTO "tax_rates" ("name", "effective_from", "rate_basis_points", "note") VALUES
  ('PPN', '2022-04-01', 1100, 'UU 7/2021 (HPP): 11 %'),
  ('PPN', '2025-01-01', 1100, 'PMK 131/2024: 12 % x DPP nilai lain 11/12, efektif 11 %');--> statement-breakpoint
-- The platform billing dashboard: per tenant with a billing profile, its plan today and what it
-- owes, for a signed-in platform admin only. Ages count days past the due date in the tenant's zone.
CREATE FUNCTION billing_overview(p_session_token text) RETURNS TABLE (
  tenant_id uuid,
  slug text,
  display_name text,
  plan_name text,
  monthly_recurring bigint,
  outstanding bigint,
  overdue_1_30 bigint,
  overdue_31_60 bigint,
  overdue_61_90 bigint,
  overdue_over_90 bigint,
  suspended_at timestamptz
)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
begin
  perform app_require_platform_admin(p_session_token);
  return query
  select t.id, t.slug, t.display_name, plan.name,
         coalesce(case plan.period when 'annual' then plan.base_fee / 12 else plan.base_fee end, 0)::bigint,
         coalesce(sum(i.total - i.paid) filter (where i.status in ('issued', 'overdue')), 0)::bigint,
         coalesce(sum(i.total - i.paid) filter (where i.status in ('issued', 'overdue') and age between 1 and 30), 0)::bigint,
         coalesce(sum(i.total - i.paid) filter (where i.status in ('issued', 'overdue') and age between 31 and 60), 0)::bigint,
         coalesce(sum(i.total - i.paid) filter (where i.status in ('issued', 'overdue') and age between 61 and 90), 0)::bigint,
         coalesce(sum(i.total - i.paid) filter (where i.status in ('issued', 'overdue') and age > 90), 0)::bigint,
         b.suspended_at
    from billing_profiles b
    join tenants t on t.id = b.tenant_id
    left join lateral (
      select p.name, p.period, p.base_fee from plan_assignments a join billing_plans p on p.id = a.plan_id
       where a.tenant_id = t.id and a.starts_on <= (now() at time zone t.time_zone::text)::date
       order by a.starts_on desc limit 1
    ) plan on true
    left join lateral (
      select inv.total, inv.paid, inv.status, ((now() at time zone t.time_zone::text)::date - inv.due_on) as age
        from invoices inv where inv.tenant_id = t.id and inv.kind = 'invoice'
    ) i on true
   group by t.id, t.slug, t.display_name, plan.name, plan.period, plan.base_fee, b.suspended_at
   order by t.slug;
end $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION billing_overview(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION billing_overview(text) TO sigap_app;
