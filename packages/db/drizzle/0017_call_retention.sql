-- Custom migration: calls are personal data kept for each tenant's retention period; the purge job
-- (runtime role, inside each tenant's transaction) deletes older calls, whose events and feed
-- entries go with them, and feed entries no live queue can still resume from.
GRANT DELETE ON "calls" TO sigap_app;--> statement-breakpoint
GRANT DELETE ON "call_feed" TO sigap_app;
