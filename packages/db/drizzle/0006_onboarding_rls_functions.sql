-- Custom migration: RLS forcing, grants and the reviewed cross-tenant functions of onboarding.
ALTER TABLE "agencies" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "agency_contacts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "phone_trunks" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenant_branding" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenant_onboarding" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

GRANT SELECT, INSERT, UPDATE, DELETE ON "agencies", "agency_contacts", "phone_trunks" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "tenant_branding", "tenant_onboarding" TO sigap_app;--> statement-breakpoint
-- did_routes: no grant at all; the functions below are the only way in.

-- A tenant may rename itself (branding); status and launch date change only through
-- set_tenant_status(), so the column grant stops any other path.
GRANT UPDATE ("display_name", "updated_at") ON "tenants" TO sigap_app;--> statement-breakpoint
CREATE POLICY "tenant_self_update" ON "tenants" AS PERMISSIVE FOR UPDATE TO sigap_app
  USING ("id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("id" = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint

-- The tenant of the current transaction, or an error: every function below acts for it alone.
CREATE FUNCTION app_current_tenant() RETURNS uuid
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $$
declare
  current uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
begin
  if current is null then
    raise exception 'no tenant is set for this transaction' using errcode = '42501';
  end if;
  return current;
end $$;--> statement-breakpoint

-- Platform admins create tenants (the API checks the role); a region holds one tenant at most,
-- and the unique constraints say which field collided.
CREATE FUNCTION create_tenant(p_region_code text, p_slug text, p_display_name text) RETURNS uuid
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  insert into tenants (region_code, slug, display_name, status, time_zone)
  select r.code, p_slug, p_display_name, 'onboarding', p.time_zone
    from regencies r join provinces p on p.code = r.province_code
   where r.code = p_region_code
  returning id
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION create_tenant(text, text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION create_tenant(text, text, text) TO sigap_app;--> statement-breakpoint

-- Moves the transaction's tenant to a status; the first move to `live` sets launched_at.
CREATE FUNCTION set_tenant_status(p_status tenant_status) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  update tenants
     set status = p_status,
         launched_at = case when p_status = 'live' then coalesce(launched_at, now()) else launched_at end,
         updated_at = now()
   where id = app_current_tenant()
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION set_tenant_status(tenant_status) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION set_tenant_status(tenant_status) TO sigap_app;--> statement-breakpoint

-- Claims a DID for a trunk of the transaction's tenant. A number another tenant holds raises
-- unique_violation (23505) naming did_routes_pkey, without saying which tenant holds it.
CREATE FUNCTION claim_did(p_did text, p_trunk_id uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
declare
  holder uuid;
begin
  insert into did_routes (did, owner_tenant_id, trunk_id) values (p_did, app_current_tenant(), p_trunk_id)
  on conflict (did) do nothing;
  select owner_tenant_id into holder from did_routes where did = p_did for update;
  if holder <> app_current_tenant() then
    raise exception 'DID % is already in use by another region', p_did
      using errcode = '23505', constraint = 'did_routes_pkey';
  end if;
  update did_routes set trunk_id = p_trunk_id where did = p_did;
end $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION claim_did(text, uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION claim_did(text, uuid) TO sigap_app;--> statement-breakpoint

-- Releases a DID the transaction's tenant holds; another tenant's number is left alone.
CREATE FUNCTION release_did(p_did text) RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  with released as (delete from did_routes where did = p_did and owner_tenant_id = app_current_tenant() returning 1)
  select exists (select 1 from released)
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION release_did(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION release_did(text) TO sigap_app;--> statement-breakpoint

-- The transaction's tenant's own DIDs.
CREATE FUNCTION tenant_dids() RETURNS TABLE (did text, trunk_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  select did, trunk_id from did_routes where owner_tenant_id = app_current_tenant() order by did
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tenant_dids() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tenant_dids() TO sigap_app;--> statement-breakpoint

-- Which tenant a dialled number rings, for the telephony event route (no tenant set yet then).
CREATE FUNCTION route_did(p_did text) RETURNS TABLE (tenant_id uuid, trunk_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  select owner_tenant_id, trunk_id from did_routes where did = p_did
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION route_did(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION route_did(text) TO sigap_app;--> statement-breakpoint

-- The national directory of tenants for the adoption view and the tenant-creation picker: region,
-- name, status, launch date. No personal data.
CREATE FUNCTION national_tenants() RETURNS TABLE (
  tenant_id uuid,
  slug text,
  display_name text,
  region_code text,
  region_name text,
  province_code text,
  province_name text,
  status tenant_status,
  launched_at timestamptz
)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  select t.id, t.slug, t.display_name, r.code, r.name, p.code, p.name, t.status, t.launched_at
    from tenants t
    join regencies r on r.code = t.region_code
    join provinces p on p.code = r.province_code
   order by r.code
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION national_tenants() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION national_tenants() TO sigap_app;
