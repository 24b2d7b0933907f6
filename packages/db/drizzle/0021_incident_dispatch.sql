CREATE TYPE "public"."assignment_role" AS ENUM('primary', 'support');--> statement-breakpoint
CREATE TYPE "public"."assignment_status" AS ENUM('notified', 'acknowledged', 'en_route', 'on_scene', 'needs_backup', 'done', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."delivery_channel" AS ENUM('webhook', 'email');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('queued', 'delivered', 'retrying', 'dead');--> statement-breakpoint
CREATE TYPE "public"."incident_origin" AS ENUM('call', 'walk_in', 'radio', 'agency_report');--> statement-breakpoint
CREATE TABLE "incident_assignments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" "assignment_role" NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	"reason" text NOT NULL,
	"chosen_by" text NOT NULL,
	"status" "assignment_status" DEFAULT 'notified' NOT NULL,
	"ack_deadline" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"escalations" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_assignments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "incident_assignments_agency" UNIQUE("tenant_id","incident_id","agency_id"),
	CONSTRAINT "incident_assignments_chosen_by" CHECK ("incident_assignments"."chosen_by" in ('sop', 'operator'))
);
--> statement-breakpoint
ALTER TABLE "incident_assignments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "incident_timeline" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "incident_timeline_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "incident_timeline" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"contact_id" uuid,
	"channel" "delivery_channel" NOT NULL,
	"target" text NOT NULL,
	"status" "delivery_status" DEFAULT 'queued' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_deliveries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "notification_deliveries_once" UNIQUE("tenant_id","assignment_id","contact_id")
);
--> statement-breakpoint
ALTER TABLE "notification_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "origin" "incident_origin" DEFAULT 'call' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "severity" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "casualties" integer;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "flags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "village_code" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "sop_version_number" integer;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "plan" jsonb;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "disposition" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "dispatched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incident_assignments" ADD CONSTRAINT "incident_assignments_tenant_id_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_assignments" ADD CONSTRAINT "incident_assignments_tenant_id_agency_id_agencies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","agency_id") REFERENCES "public"."agencies"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_tenant_id_incident_id_incidents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","incident_id") REFERENCES "public"."incidents"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_tenant_id_assignment_id_incident_assignments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assignment_id") REFERENCES "public"."incident_assignments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_tenant_id_contact_id_agency_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."agency_contacts"("tenant_id","id") ON DELETE SET NULL ("contact_id") ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_assignments_tenant_id_agency_id_status_index" ON "incident_assignments" USING btree ("tenant_id","agency_id","status");--> statement-breakpoint
CREATE INDEX "incident_timeline_tenant_id_incident_id_at_index" ON "incident_timeline" USING btree ("tenant_id","incident_id","at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_tenant_id_incident_id_index" ON "notification_deliveries" USING btree ("tenant_id","incident_id");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_casualties" CHECK ("incidents"."casualties" is null or "incidents"."casualties" >= 0);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "incident_assignments" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "incident_timeline" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "notification_deliveries" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
-- Not expressible in the schema: RLS forcing, grants and the change signal. Assignments and
-- deliveries are created and updated as dispatch goes; the timeline is append-only.
ALTER TABLE "incident_assignments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "incident_timeline" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notification_deliveries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "incident_assignments" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "incident_timeline" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "notification_deliveries" TO sigap_app;--> statement-breakpoint
-- Every change of an incident writes a timeline entry; live boards and incident pages wake on it.
-- The payload names the tenant and the incident only: what changed stays behind row-level security.
CREATE FUNCTION incident_timeline_notify() RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
begin
  perform pg_notify('incident_changed', new.tenant_id::text || ' ' || new.incident_id::text);
  return null;
end $$;--> statement-breakpoint
CREATE TRIGGER incident_timeline_notify AFTER INSERT ON "incident_timeline" FOR EACH ROW EXECUTE FUNCTION incident_timeline_notify();
