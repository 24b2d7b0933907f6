-- Custom migration: RLS forcing and grants of the live call feed, and the notification that wakes
-- every API process following a tenant's feed.
ALTER TABLE "call_feed" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "call_feed_heads" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The feed is only added to; the retention purge (owner) removes old entries.
GRANT SELECT, INSERT ON "call_feed" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "call_feed_heads" TO sigap_app;--> statement-breakpoint

-- Each new entry notifies channel `call_feed` with "<tenant id> <seq>", delivered at commit in
-- commit order. The payload names no call and no caller: personal data stays behind row-level
-- security, and a process that wakes reads the entry inside the tenant's transaction.
CREATE FUNCTION call_feed_notify() RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
begin
  perform pg_notify('call_feed', new.tenant_id::text || ' ' || new.seq::text);
  return null;
end $$;--> statement-breakpoint
CREATE TRIGGER call_feed_notify AFTER INSERT ON "call_feed" FOR EACH ROW EXECUTE FUNCTION call_feed_notify();
