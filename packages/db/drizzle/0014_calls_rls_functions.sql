-- Custom migration: RLS forcing and grants of the call tables, routing a telephony event to its
-- tenant by the dialled number, and the platform admins' view of refused events.
ALTER TABLE "calls" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "call_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Calls change state as their events arrive; events are only added (a retry finds the first).
GRANT SELECT, INSERT, UPDATE ON "calls" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "call_events" TO sigap_app;--> statement-breakpoint

-- Refused events are only ever added by the runtime role; reading them is for platform admins,
-- through refused_telephony_events_list() below.
GRANT INSERT ON "refused_telephony_events" TO sigap_app;--> statement-breakpoint

-- route_did: the telephony event route finds the tenant and trunk an exact dialled number rings.
-- A DID is the region's public 112 line, so its owner is directory information like
-- tenant_by_slug(): no proof, one exact number, and no personal data. Until now it was owner-only
-- (nothing routed calls yet).
DROP FUNCTION route_did(text);--> statement-breakpoint
CREATE FUNCTION route_did(p_did text)
RETURNS TABLE (tenant_id uuid, trunk_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  select owner_tenant_id, trunk_id from did_routes where did = p_did
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION route_did(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION route_did(text) TO sigap_app;--> statement-breakpoint

-- The refused telephony events, newest first: only for a signed-in platform admin's session.
CREATE FUNCTION refused_telephony_events_list(p_session_token text, p_before_received_at timestamptz, p_before_id uuid, p_limit int)
RETURNS TABLE (
  id uuid,
  received_at timestamptz,
  reason text,
  detail text,
  dids text[],
  event_ids text[],
  remote_address text,
  body_excerpt text
)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
begin
  perform app_require_platform_admin(p_session_token);
  return query
  select r.id, r.received_at, r.reason, r.detail, r.dids, r.event_ids, r.remote_address, r.body_excerpt
    from refused_telephony_events r
   where p_before_received_at is null or (r.received_at, r.id) < (p_before_received_at, p_before_id)
   order by r.received_at desc, r.id desc
   limit least(greatest(coalesce(p_limit, 50), 1), 500);
end $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION refused_telephony_events_list(text, timestamptz, uuid, int) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION refused_telephony_events_list(text, timestamptz, uuid, int) TO sigap_app;
