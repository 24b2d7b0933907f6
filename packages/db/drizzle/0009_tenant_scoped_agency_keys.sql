-- Rows naming an agency outside their own tenant (or none that exists) were never valid grants:
-- remove them so the tenant-scoped keys below can be added. The demo seed, run on every start,
-- recreates its responder with the demo agency.
DELETE FROM "invitations" i WHERE i."agency_id" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "agencies" a WHERE a."tenant_id" = i."tenant_id" AND a."id" = i."agency_id");--> statement-breakpoint
DELETE FROM "memberships" m WHERE m."agency_id" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "agencies" a WHERE a."tenant_id" = m."tenant_id" AND a."id" = m."agency_id");--> statement-breakpoint
DELETE FROM "did_routes" d
 WHERE NOT EXISTS (SELECT 1 FROM "phone_trunks" t WHERE t."tenant_id" = d."owner_tenant_id" AND t."id" = d."trunk_id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_agency_id_agencies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","agency_id") REFERENCES "public"."agencies"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_id_agency_id_agencies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","agency_id") REFERENCES "public"."agencies"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "did_routes" ADD CONSTRAINT "did_routes_owner_trunk_fk" FOREIGN KEY ("owner_tenant_id","trunk_id") REFERENCES "public"."phone_trunks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;