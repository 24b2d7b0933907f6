CREATE TYPE "public"."sop_version_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "sop_test_cases" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sop_test_cases_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "sop_test_cases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sop_versions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" "sop_version_status" NOT NULL,
	"number" integer,
	"ruleset" jsonb NOT NULL,
	"based_on_number" integer,
	"note" text,
	"author_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sop_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "sop_versions_published_numbered" CHECK (("sop_versions"."status" = 'published') = ("sop_versions"."number" is not null and "sop_versions"."published_at" is not null) and ("sop_versions"."number" is null or "sop_versions"."number" > 0))
);
--> statement-breakpoint
ALTER TABLE "sop_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sop_test_cases" ADD CONSTRAINT "sop_test_cases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sop_versions" ADD CONSTRAINT "sop_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sop_versions" ADD CONSTRAINT "sop_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sop_test_cases_name" ON "sop_test_cases" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "sop_versions_number" ON "sop_versions" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "sop_versions_one_draft" ON "sop_versions" USING btree ("tenant_id") WHERE "sop_versions"."status" = 'draft';--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "sop_test_cases" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "sop_versions" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "sop_versions_published_immutable" ON "sop_versions" AS RESTRICTIVE FOR UPDATE TO "sigap_app" USING ("sop_versions"."status" = 'draft') WITH CHECK ("sop_versions"."status" = 'draft');--> statement-breakpoint
CREATE POLICY "sop_versions_published_undeletable" ON "sop_versions" AS RESTRICTIVE FOR DELETE TO "sigap_app" USING ("sop_versions"."status" = 'draft');