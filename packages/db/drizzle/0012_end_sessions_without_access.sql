-- Custom migration: deactivating someone in one tenant ends their sessions only when it leaves them
-- no access anywhere (no active membership in any tenant, no platform role); someone who still
-- works in another tenant keeps their sessions, and that tenant simply drops out of them. Whether
-- they work elsewhere is a cross-tenant fact, so it is judged here, only for a person whom the
-- transaction's tenant has deactivated, and nothing of it is returned to the caller.
CREATE FUNCTION end_sessions_without_access(p_user_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
declare
  tenant uuid := app_current_tenant();
begin
  delete from sessions s
   where s.user_id = p_user_id
     and exists (select 1 from memberships m
                  where m.tenant_id = tenant and m.user_id = p_user_id and m.deactivated_at is not null)
     and not exists (select 1 from memberships m where m.user_id = p_user_id and m.deactivated_at is null)
     and not exists (select 1 from users u where u.id = p_user_id and u.platform_role is not null);
end $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION end_sessions_without_access(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION end_sessions_without_access(uuid) TO sigap_app;
