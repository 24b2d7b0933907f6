import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import { brandingForLayout } from "#lib/branding/load.server.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { tenantAccess } from "#lib/tenant/access.ts";
import { requireSignedIn } from "#lib/tenant/guard.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { LayoutServerLoad } from "./$types";

/**
 * Everything under `/t/{slug}` works in one tenant. Someone without a membership there gets the
 * same 404 as for a slug that does not exist, so URLs never confirm which regions use Sigap 112.
 */
export const load = (async (event) => {
  const me = requireSignedIn(event.locals.me, event.url);
  const access = tenantAccess(me, event.params.slug);
  if (!access) error(404);
  // Support access has no membership to name the tenant: the API's directory does (a slug it does
  // not know is the plain 404). Should the API be unreachable, the slug stands in.
  const directory = access.support
    ? await loadFromApi(event.url, "tenants.get", () =>
        apiForRequest(event).tenants.get.query({ slug: access.slug }),
      )
    : undefined;
  const tenant =
    directory?.status === "ok"
      ? { ...access, displayName: directory.data.displayName, timeZone: directory.data.timeZone }
      : access;
  const branding = can(tenant.role, "branding.view")
    ? await brandingForLayout(event, tenant.slug)
    : null;
  return { tenant, branding };
}) satisfies LayoutServerLoad;
