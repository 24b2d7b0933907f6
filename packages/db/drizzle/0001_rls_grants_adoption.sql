-- Custom migration: what Drizzle cannot express. Runs as sigap_owner.

-- FORCE makes RLS apply to the table owner too, so no code path can read across tenants by
-- accident; only a role with BYPASSRLS (the owner, used for migrations and the seed) is exempt.
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenant_settings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- The runtime role gets exactly what it needs, table by table.
GRANT USAGE ON SCHEMA public TO sigap_app;--> statement-breakpoint
GRANT SELECT ON "provinces", "regencies", "districts", "villages" TO sigap_app;--> statement-breakpoint
GRANT SELECT ON "tenants" TO sigap_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "tenant_settings" TO sigap_app;--> statement-breakpoint

-- National adoption per province: the one reviewed cross-tenant read of this issue. It returns
-- counts only (no tenant names or ids), so it is safe for every signed-in role and the public page.
CREATE FUNCTION national_adoption()
RETURNS TABLE (
  province_code text,
  province_name text,
  time_zone time_zone,
  regions integer,
  live integer,
  onboarding integer
)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  select p.code, p.name, p.time_zone,
         count(r.code)::int,
         count(t.id) filter (where t.status = 'live')::int,
         count(t.id) filter (where t.status = 'onboarding')::int
    from provinces p
    join regencies r on r.province_code = p.code
    left join tenants t on t.region_code = r.code
   group by p.code, p.name, p.time_zone
   order by p.code
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION national_adoption() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION national_adoption() TO sigap_app;
