-- Custom migration: every security-definer function checks what its caller may see.
-- Before this, the runtime role could call audit_log_all(), user_tenants(any user) and
-- route_did(any number) with nothing set and read across every tenant. The rule each function now
-- enforces is listed (and proved) in packages/tenancy/test/definer-rules.ts.

-- The user of a live session, given the session's raw cookie token `<id>.<secret>`. Only the
-- secret's SHA-256 is stored, so reading the sessions table does not yield a token that passes.
-- Mirrors validateSessionToken() in apps/api: not expired, not idle for 12 hours, user active.
-- `p_second_factor` asks for a session that has also passed the second factor.
-- Not a definer itself: it runs with the rights of the definer function that calls it.
CREATE FUNCTION app_session_user(p_session_token text, p_second_factor boolean) RETURNS uuid
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
  select s.user_id
    from sessions s
    join users u on u.id = s.user_id
   where s.id = split_part(p_session_token, '.', 1)
     and s.secret_hash = encode(sha256(convert_to(split_part(p_session_token, '.', 2), 'UTF8')), 'hex')
     and s.expires_at > now()
     and s.last_seen_at > now() - interval '12 hours'
     and u.deactivated_at is null
     and (not p_second_factor or s.two_factor_verified_at is not null)
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app_session_user(text, boolean) FROM PUBLIC;--> statement-breakpoint

-- The platform admin a session token stands for (second factor passed), or an error.
CREATE FUNCTION app_require_platform_admin(p_session_token text) RETURNS uuid
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $$
declare
  admin uuid;
begin
  select u.id into admin from users u
   where u.id = app_session_user(p_session_token, true) and u.platform_role = 'platform_admin';
  if admin is null then
    raise exception 'a signed-in platform admin is required' using errcode = '42501';
  end if;
  return admin;
end $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app_require_platform_admin(text) FROM PUBLIC;--> statement-breakpoint

-- user_tenants: the memberships of the session's own user, never of an id the caller names.
DROP FUNCTION user_tenants(uuid);--> statement-breakpoint
CREATE FUNCTION user_tenants(p_session_token text)
RETURNS TABLE (
  tenant_id uuid,
  slug text,
  display_name text,
  time_zone time_zone,
  tenant_status tenant_status,
  role membership_role,
  agency_id uuid
)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  select t.id, t.slug, t.display_name, t.time_zone, t.status, m.role, m.agency_id
    from memberships m
    join tenants t on t.id = m.tenant_id
   where m.user_id = app_session_user(p_session_token, false) and m.deactivated_at is null
   order by t.display_name
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION user_tenants(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION user_tenants(text) TO sigap_app;--> statement-breakpoint

-- audit_log_all: only for a signed-in platform admin's session.
DROP FUNCTION audit_log_all(timestamptz, timestamptz, text, text, text, text, timestamptz, uuid, int);--> statement-breakpoint
CREATE FUNCTION audit_log_all(
  p_session_token text,
  p_from timestamptz,
  p_to timestamptz,
  p_action text,
  p_actor text,
  p_target_type text,
  p_target_id text,
  p_before_occurred_at timestamptz,
  p_before_id uuid,
  p_limit int
)
RETURNS TABLE (
  id uuid,
  occurred_at timestamptz,
  tenant_slug text,
  actor_user_id uuid,
  actor_email text,
  actor_display_name text,
  actor_role text,
  action text,
  target_type text,
  target_id text,
  diff jsonb,
  ip text,
  user_agent text,
  request_id text
)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
begin
  perform app_require_platform_admin(p_session_token);
  return query
  select e.id, e.occurred_at, e.tenant_slug, e.actor_user_id, u.email, u.display_name,
         e.actor_role, e.action, e.target_type, e.target_id, e.diff, e.ip, e.user_agent, e.request_id
    from (
      select p.id, p.occurred_at, null::text as tenant_slug, p.actor_user_id, p.actor_role, p.action,
             p.target_type, p.target_id, p.diff, p.ip, p.user_agent, p.request_id
        from platform_audit_log p
      union all
      select a.id, a.occurred_at, t.slug, a.actor_user_id, a.actor_role, a.action,
             a.target_type, a.target_id, a.diff, a.ip, a.user_agent, a.request_id
        from audit_log a
        join tenants t on t.id = a.tenant_id
    ) e
    left join users u on u.id = e.actor_user_id
   where (p_from is null or e.occurred_at >= p_from)
     and (p_to is null or e.occurred_at < p_to)
     and (p_action is null or starts_with(e.action, p_action))
     and (p_actor is null or e.actor_user_id::text = p_actor or strpos(u.email, lower(p_actor)) > 0)
     and (p_target_type is null or e.target_type = p_target_type)
     and (p_target_id is null or e.target_id = p_target_id)
     and (p_before_occurred_at is null or (e.occurred_at, e.id) < (p_before_occurred_at, p_before_id))
   order by e.occurred_at desc, e.id desc
   -- One more than an export's 10,000 rows, so a caller can tell the list was cut short.
   limit least(greatest(coalesce(p_limit, 100), 1), 10001);
end $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_log_all(text, timestamptz, timestamptz, text, text, text, text, timestamptz, uuid, int) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_log_all(text, timestamptz, timestamptz, text, text, text, text, timestamptz, uuid, int) TO sigap_app;--> statement-breakpoint

-- create_tenant: only for a signed-in platform admin's session.
DROP FUNCTION create_tenant(text, text, text);--> statement-breakpoint
CREATE FUNCTION create_tenant(p_session_token text, p_region_code text, p_slug text, p_display_name text) RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
declare
  created uuid;
begin
  perform app_require_platform_admin(p_session_token);
  insert into tenants (region_code, slug, display_name, status, time_zone)
  select r.code, p_slug, p_display_name, 'onboarding', p.time_zone
    from regencies r join provinces p on p.code = r.province_code
   where r.code = p_region_code
  returning id into created;
  return created;
end $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION create_tenant(text, text, text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION create_tenant(text, text, text, text) TO sigap_app;--> statement-breakpoint

-- route_did: nothing in the API or worker routes calls by DID yet, so the runtime role loses it.
-- When the telephony event route arrives, it gets a role of its own granted this function alone.
-- It answers only the tenant of one exact number, not the trunk.
DROP FUNCTION route_did(text);--> statement-breakpoint
CREATE FUNCTION route_did(p_did text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  select owner_tenant_id from did_routes where did = p_did
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION route_did(text) FROM PUBLIC;
--> statement-breakpoint

-- Mail bodies are now stored sealed with the API's keys (apps/api/src/mail/send.ts). Bodies stored
-- before hold live invitation and reset links in clear, readable by the runtime role: emptied.
UPDATE mail_outbox SET text = '', html = '' WHERE text NOT LIKE 'v1:%';
