CREATE TYPE "public"."incident_status" AS ENUM('new', 'dispatched', 'in_progress', 'resolved', 'closed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."call_classification" AS ENUM('emergency', 'information', 'prank', 'silent', 'wrong_region', 'test');--> statement-breakpoint
CREATE TABLE "incidents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"types" text[] NOT NULL,
	"status" "incident_status" DEFAULT 'new' NOT NULL,
	"description" text,
	"location" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "incidents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "operator_seats" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seat" text NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "operator_seats_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "operator_seats_seat_format" CHECK ("operator_seats"."seat" ~ '^[A-Za-z0-9][A-Za-z0-9._@:/-]{0,63}$')
);
--> statement-breakpoint
ALTER TABLE "operator_seats" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "classification" "call_classification";--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "classified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "classified_by" uuid;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "classification_note" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "operator_location" jsonb;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "incident_id" uuid;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "wrong_region_code" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "handed_over_from" jsonb;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_seats" ADD CONSTRAINT "operator_seats_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_seats" ADD CONSTRAINT "operator_seats_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_tenant_id_status_created_at_index" ON "incidents" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "operator_seats_one_holder" ON "operator_seats" USING btree ("tenant_id","seat") WHERE "operator_seats"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "operator_seats_one_seat_each" ON "operator_seats" USING btree ("tenant_id","user_id") WHERE "operator_seats"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "operator_seats_tenant_id_started_at_index" ON "operator_seats" USING btree ("tenant_id","started_at");--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_classified_by_users_id_fk" FOREIGN KEY ("classified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_wrong_region_code_regencies_code_fk" FOREIGN KEY ("wrong_region_code") REFERENCES "public"."regencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_tenant_id_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calls_tenant_id_incident_id_index" ON "calls" USING btree ("tenant_id","incident_id");--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_classified_with_time" CHECK (("calls"."classification" is null) = ("calls"."classified_at" is null));--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_wrong_region_named" CHECK ("calls"."wrong_region_code" is null or "calls"."classification" = 'wrong_region');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "incidents" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "operator_seats" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
-- Not expressible in the schema: RLS forcing and grants. Seats are taken and left (never deleted
-- by the runtime role: the shift figures read them); incidents are created and updated, never
-- deleted (dispatch keeps their history).
ALTER TABLE "incidents" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "operator_seats" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "incidents" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "operator_seats" TO sigap_app;
