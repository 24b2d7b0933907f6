import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import { brandingForLayout } from "#lib/branding/load.server.ts";
import { tenantAccess } from "#lib/tenant/access.ts";
import { requireSignedIn } from "#lib/tenant/guard.ts";
import type { LayoutServerLoad } from "./$types";

/**
 * Everything under `/t/{slug}` works in one tenant. Someone without a membership there gets the
 * same 404 as for a slug that does not exist, so URLs never confirm which regions use Sigap 112.
 */
export const load = (async (event) => {
  const me = requireSignedIn(event.locals.me, event.url);
  const tenant = tenantAccess(me, event.params.slug);
  if (!tenant) error(404);
  const branding = can(tenant.role, "branding.view") ? await brandingForLayout(event, tenant.slug) : null;
  return { tenant, branding };
}) satisfies LayoutServerLoad;
