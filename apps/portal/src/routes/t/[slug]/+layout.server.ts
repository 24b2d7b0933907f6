import { error } from "@sveltejs/kit";
import { tenantAccess } from "#lib/tenant/access.ts";
import { requireSignedIn } from "#lib/tenant/guard.ts";
import type { LayoutServerLoad } from "./$types";

/**
 * Everything under `/t/{slug}` works in one tenant. Someone without a membership there gets the
 * same 404 as for a slug that does not exist, so URLs never confirm which regions use Sigap 112.
 */
export const load = (({ locals, params, url }) => {
  const me = requireSignedIn(locals.me, url);
  const tenant = tenantAccess(me, params.slug);
  if (!tenant) error(404);
  return { tenant };
}) satisfies LayoutServerLoad;
