-- Custom migration: RLS forcing, grants and the reviewed cross-tenant functions of identity.
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

GRANT SELECT, INSERT, UPDATE ON "users" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sessions" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "recovery_codes" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "password_resets" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "login_throttles" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "memberships" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "invitations" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "mail_outbox" TO sigap_app;--> statement-breakpoint
-- The audit trail is append-only for the runtime: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON "audit_log" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "platform_audit_log" TO sigap_app;--> statement-breakpoint

-- The tenants a person works in, for sign-in and the tenant switcher. Only ever called with the
-- signed-in person's own id; returns their active memberships and nothing about anyone else.
CREATE FUNCTION user_tenants(p_user_id uuid)
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
   where m.user_id = p_user_id and m.deactivated_at is null
   order by t.display_name
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION user_tenants(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION user_tenants(uuid) TO sigap_app;--> statement-breakpoint

-- An invitation found by its token (the invitee is not signed in and has no tenant yet). Knowing
-- the token is the authorisation; it is 160 random bits, stored hashed.
CREATE FUNCTION invitation_by_token(p_token_hash text)
RETURNS TABLE (
  tenant_id uuid,
  invitation_id uuid,
  tenant_name text,
  tenant_slug text,
  email text,
  role membership_role,
  agency_id uuid,
  expires_at timestamptz,
  accepted_at timestamptz,
  revoked_at timestamptz
)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  select i.tenant_id, i.id, t.display_name, t.slug, i.email, i.role, i.agency_id,
         i.expires_at, i.accepted_at, i.revoked_at
    from invitations i
    join tenants t on t.id = i.tenant_id
   where i.token_hash = p_token_hash
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION invitation_by_token(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION invitation_by_token(text) TO sigap_app;
;--> statement-breakpoint

-- A tenant's public directory entry by slug, for platform staff acting in a tenant they hold no
-- membership in (support), and for resolving `/t/{slug}` before a tenant is set. No personal data.
CREATE FUNCTION tenant_by_slug(p_slug text)
RETURNS TABLE (tenant_id uuid, slug text, display_name text, time_zone time_zone, status tenant_status)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  select id, slug, display_name, time_zone, status from tenants where slug = p_slug
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tenant_by_slug(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tenant_by_slug(text) TO sigap_app;
