CREATE TABLE "agency_report_receipts" (
	"tenant_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"report_id" text NOT NULL,
	"assignment_id" uuid NOT NULL,
	"status" text NOT NULL,
	"answer" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_report_receipts_tenant_id_contact_id_report_id_pk" PRIMARY KEY("tenant_id","contact_id","report_id")
);
--> statement-breakpoint
ALTER TABLE "agency_report_receipts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "agency_report_receipts" ADD CONSTRAINT "agency_report_receipts_tenant_id_contact_id_agency_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."agency_contacts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_report_receipts" ADD CONSTRAINT "agency_report_receipts_tenant_id_assignment_id_incident_assignments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assignment_id") REFERENCES "public"."incident_assignments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "agency_report_receipts" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
-- Not expressible in the schema: RLS forcing and grants. A receipt is written once and its answer
-- filled in by the same transaction; receipts are never deleted by the runtime role.
ALTER TABLE "agency_report_receipts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "agency_report_receipts" TO sigap_app;
