-- Custom migration: RLS forcing and grants of the tenant's blocklist of prank numbers. Entries are
-- added, extended (reason, expiry) and removed by the region's call-takers and supervisors.
ALTER TABLE "call_blocklist" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "call_blocklist" TO sigap_app;
