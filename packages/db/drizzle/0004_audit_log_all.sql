-- Custom migration: the platform audit view. The runtime role reads audit_log only inside one
-- tenant (RLS); platform admins need the platform log and every tenant's log in one list. This
-- owner-owned function is that one reviewed path. The API calls it only after checking the caller
-- is platform staff allowed `audit.viewAll`; it is granted to the runtime role and nobody else.
CREATE FUNCTION audit_log_all(
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
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
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
   limit least(greatest(coalesce(p_limit, 100), 1), 10001)
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_log_all(timestamptz, timestamptz, text, text, text, text, timestamptz, uuid, int) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_log_all(timestamptz, timestamptz, text, text, text, text, timestamptz, uuid, int) TO sigap_app;
