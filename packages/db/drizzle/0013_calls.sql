CREATE TYPE "public"."call_event_type" AS ENUM('call.offered', 'call.answered', 'call.transferred', 'call.abandoned', 'call.ended');--> statement-breakpoint
CREATE TYPE "public"."call_state" AS ENUM('ringing', 'answered', 'abandoned', 'ended');--> statement-breakpoint
CREATE TABLE "call_events" (
	"tenant_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"call_id" uuid NOT NULL,
	"type" "call_event_type" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event" jsonb NOT NULL,
	CONSTRAINT "call_events_tenant_id_event_id_pk" PRIMARY KEY("tenant_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "call_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "calls" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trunk_id" uuid NOT NULL,
	"external_call_id" text NOT NULL,
	"did" text NOT NULL,
	"caller_number" text,
	"state" "call_state" NOT NULL,
	"offered_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by_seat" text,
	"transferred_to" text,
	"ended_at" timestamp with time zone,
	"location" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "calls_external_id" UNIQUE("tenant_id","trunk_id","external_call_id")
);
--> statement-breakpoint
ALTER TABLE "calls" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "refused_telephony_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"detail" text NOT NULL,
	"dids" text[] DEFAULT '{}' NOT NULL,
	"event_ids" text[] DEFAULT '{}' NOT NULL,
	"remote_address" text,
	"body_excerpt" text NOT NULL,
	CONSTRAINT "refused_telephony_events_excerpt" CHECK (length("refused_telephony_events"."body_excerpt") <= 2048)
);
--> statement-breakpoint
ALTER TABLE "phone_trunks" ADD COLUMN "event_secret_encrypted" text;--> statement-breakpoint
ALTER TABLE "phone_trunks" ADD COLUMN "previous_event_secret_encrypted" text;--> statement-breakpoint
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_tenant_id_call_id_calls_tenant_id_id_fk" FOREIGN KEY ("tenant_id","call_id") REFERENCES "public"."calls"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_events_tenant_id_call_id_occurred_at_index" ON "call_events" USING btree ("tenant_id","call_id","occurred_at");--> statement-breakpoint
CREATE INDEX "calls_tenant_id_state_offered_at_index" ON "calls" USING btree ("tenant_id","state","offered_at");--> statement-breakpoint
CREATE INDEX "calls_tenant_id_caller_number_offered_at_index" ON "calls" USING btree ("tenant_id","caller_number","offered_at");--> statement-breakpoint
CREATE INDEX "refused_telephony_events_received_at_index" ON "refused_telephony_events" USING btree ("received_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "call_events" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "calls" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));