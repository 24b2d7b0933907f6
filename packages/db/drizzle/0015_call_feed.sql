CREATE TABLE "call_feed" (
	"tenant_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"call_id" uuid NOT NULL,
	"call" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_feed_tenant_id_seq_pk" PRIMARY KEY("tenant_id","seq")
);
--> statement-breakpoint
ALTER TABLE "call_feed" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "call_feed_heads" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_feed_heads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "call_feed" ADD CONSTRAINT "call_feed_tenant_id_call_id_calls_tenant_id_id_fk" FOREIGN KEY ("tenant_id","call_id") REFERENCES "public"."calls"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_feed_heads" ADD CONSTRAINT "call_feed_heads_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_feed_tenant_id_call_id_index" ON "call_feed" USING btree ("tenant_id","call_id");--> statement-breakpoint
CREATE INDEX "call_feed_tenant_id_created_at_index" ON "call_feed" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "call_feed" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "call_feed_heads" AS PERMISSIVE FOR ALL TO "sigap_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));