-- Custom migration: audit rows name their target. A row stores what it acted on as a type and an
-- id; people read "changed the role of Siti Rahma", not a UUID. The name is read when the log is
-- read (the target as it is called now); a target since removed is named by what its diff kept.
--
-- Security invoker: in a tenant's transaction row-level security limits it to that tenant's rows,
-- like every other read; inside audit_log_all (security definer) it reads as that function does.
CREATE FUNCTION audit_target_name(p_target_type text, p_target_id text, p_diff jsonb)
RETURNS text
LANGUAGE plpgsql
STABLE
SECURITY INVOKER
SET search_path = public, pg_temp
AS $$
declare
  v_id uuid;
  v_name text;
begin
  if p_target_type in ('email', 'operator_seat', 'call_blocklist', 'sop_version') then
    -- These targets are identified by what people call them: an address, a seat, a phone number,
    -- a version number.
    return p_target_id;
  end if;
  if p_target_id is not null and pg_input_is_valid(p_target_id, 'uuid') then
    v_id := p_target_id::uuid;
    v_name := case p_target_type
      when 'user' then (select coalesce(u.display_name, u.email) from users u where u.id = v_id)
      when 'tenant' then (select t.display_name from tenants t where t.id = v_id)
      when 'agency' then (select a.name from agencies a where a.id = v_id)
      when 'agency_contact' then (
        select a.name || ': ' || coalesce(c.label, c.value)
          from agency_contacts c
          join agencies a on a.tenant_id = c.tenant_id and a.id = c.agency_id
         where c.id = v_id)
      when 'phone_trunk' then (select p.name from phone_trunks p where p.id = v_id)
      when 'invitation' then (select i.email from invitations i where i.id = v_id)
      when 'sop_test_case' then (select s.name from sop_test_cases s where s.id = v_id)
      when 'invoice' then (select i.number from invoices i where i.id = v_id)
      when 'billing_plan' then (select b.name from billing_plans b where b.id = v_id)
    end;
  end if;
  return coalesce(
    v_name,
    p_diff -> 'before' ->> 'name',
    p_diff -> 'after' ->> 'name',
    p_diff -> 'before' ->> 'email',
    p_diff -> 'after' ->> 'email'
  );
end $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_target_name(text, text, jsonb) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_target_name(text, text, jsonb) TO sigap_app;--> statement-breakpoint

-- audit_log_all returns each row's target name too (its other columns, checks and grants unchanged).
DROP FUNCTION audit_log_all(text, timestamptz, timestamptz, text, text, text, text, timestamptz, uuid, int);--> statement-breakpoint
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
  target_name text,
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
         e.actor_role, e.action, e.target_type, e.target_id,
         audit_target_name(e.target_type, e.target_id, e.diff),
         e.diff, e.ip, e.user_agent, e.request_id
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
GRANT EXECUTE ON FUNCTION audit_log_all(text, timestamptz, timestamptz, text, text, text, text, timestamptz, uuid, int) TO sigap_app;
