-- Custom migration: RLS forcing and grants of the SOP tables.
ALTER TABLE "sop_versions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sop_test_cases" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- Drafts are saved, replaced and discarded; published versions only inserted (the restrictive
-- policies on sop_versions refuse UPDATE and DELETE of published rows).
GRANT SELECT, INSERT, UPDATE, DELETE ON "sop_versions", "sop_test_cases" TO sigap_app;
