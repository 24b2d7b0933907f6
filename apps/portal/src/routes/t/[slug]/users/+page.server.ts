import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import { loadAgencyChoices } from "#lib/users/agencies.server.ts";
import { memberFiltersOf, memberQuery } from "#lib/users/filters.ts";
import type { PageServerLoad } from "./$types";

/** The first page of members the URL's search asks for (more load in the browser), and the pending invitations. */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "users.view")) error(404);
  const filters = memberFiltersOf(event.url.searchParams);
  const api = apiForRequest(event);
  const [members, invitations, agencies] = await Promise.all([
    loadFromApi<RouterOutputs["users"]["list"]>(event.url, "users.list", () =>
      api.users.list.query({ tenantSlug: tenant.slug, ...memberQuery(filters) }),
    ),
    loadFromApi<RouterOutputs["users"]["invitations"]>(event.url, "users.invitations", () =>
      api.users.invitations.query({ tenantSlug: tenant.slug }),
    ),
    loadAgencyChoices(event, tenant.slug),
  ]);
  return { filters, members, invitations, agencies };
}) satisfies PageServerLoad;
