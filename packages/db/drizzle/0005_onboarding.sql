CREATE TYPE "public"."agency_contact_kind" AS ENUM('phone', 'email', 'whatsapp', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."carrier" AS ENUM('telkomsel', 'indosat_ooredoo_hutchison', 'xlsmart', 'telkom', 'other');--> statement-breakpoint
CREATE TYPE "public"."sip_transport" AS ENUM('udp', 'tcp', 'tls');--> statement-breakpoint
CREATE TYPE "public"."trunk_auth" AS ENUM('digest', 'ip_allow_list');--> statement-breakpoint
CREATE TYPE "public"."trunk_status" AS ENUM('provisioning', 'testing', 'active', 'disabled');--> statement-breakpoint
CREATE TABLE "agencies" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agency_type" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"coverage_district_codes" text[],
	"operating_hours" jsonb DEFAULT '{"always": true}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "agencies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "agency_contacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" "agency_contact_kind" NOT NULL,
	"value" text NOT NULL,
	"label" text,
	"signing_secret_encrypted" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_contacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "agency_contacts_webhook_secret" CHECK (("agency_contacts"."kind" = 'webhook') = ("agency_contacts"."signing_secret_encrypted" is not null))
);
--> statement-breakpoint
ALTER TABLE "agency_contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "did_routes" (
	"did" text PRIMARY KEY NOT NULL,
	"owner_tenant_id" uuid NOT NULL,
	"trunk_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "did_routes_e164" CHECK ("did_routes"."did" ~ '^\+[1-9][0-9]{6,14}$')
);
--> statement-breakpoint
CREATE TABLE "phone_trunks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"carrier" "carrier" NOT NULL,
	"sip_host" text NOT NULL,
	"sip_port" integer DEFAULT 5060 NOT NULL,
	"transport" "sip_transport" DEFAULT 'udp' NOT NULL,
	"max_channels" integer NOT NULL,
	"codecs" text[] DEFAULT array['alaw', 'ulaw'] NOT NULL,
	"auth" "trunk_auth" NOT NULL,
	"digest_username" text,
	"digest_password_encrypted" text,
	"allowed_addresses" text[],
	"status" "trunk_status" DEFAULT 'provisioning' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phone_trunks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "phone_trunks_port" CHECK ("phone_trunks"."sip_port" between 1 and 65535),
	CONSTRAINT "phone_trunks_channels" CHECK ("phone_trunks"."max_channels" between 1 and 10000),
	CONSTRAINT "phone_trunks_auth_fields" CHECK (("phone_trunks"."auth" = 'digest' and "phone_trunks"."digest_username" is not null and "phone_trunks"."digest_password_encrypted" is not null)
          or ("phone_trunks"."auth" = 'ip_allow_list' and cardinality("phone_trunks"."allowed_addresses") > 0))
);
--> statement-breakpoint
ALTER TABLE "phone_trunks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_branding" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"logo" "bytea",
	"logo_mime_type" text,
	"logo_width" integer,
	"logo_height" integer,
	"primary_color" text DEFAULT '#b91c1c' NOT NULL,
	"accent_color" text DEFAULT '#1e3a8a' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_branding_colors" CHECK ("tenant_branding"."primary_color" ~ '^#[0-9a-f]{6}$' and "tenant_branding"."accent_color" ~ '^#[0-9a-f]{6}$'),
	CONSTRAINT "tenant_branding_logo" CHECK (("tenant_branding"."logo" is null) = ("tenant_branding"."logo_mime_type" is null))
);
--> statement-breakpoint
ALTER TABLE "tenant_branding" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_onboarding" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"sop_template" text,
	"sop_chosen_at" timestamp with time zone,
	"go_live_override_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_onboarding" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_contacts" ADD CONSTRAINT "agency_contacts_tenant_id_agency_id_agencies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","agency_id") REFERENCES "public"."agencies"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "did_routes" ADD CONSTRAINT "did_routes_owner_tenant_id_tenants_id_fk" FOREIGN KEY ("owner_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_trunks" ADD CONSTRAINT "phone_trunks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_branding" ADD CONSTRAINT "tenant_branding_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_onboarding" ADD CONSTRAINT "tenant_onboarding_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_tenant_id_agency_type_index" ON "agencies" USING btree ("tenant_id","agency_type");--> statement-breakpoint
CREATE INDEX "agency_contacts_tenant_id_agency_id_index" ON "agency_contacts" USING btree ("tenant_id","agency_id");--> statement-breakpoint
CREATE INDEX "did_routes_owner_tenant_id_trunk_id_index" ON "did_routes" USING btree ("owner_tenant_id","trunk_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "agencies" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "agency_contacts" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "phone_trunks" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tenant_branding" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tenant_onboarding" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));