import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

type AgencyPage = {
  agency: RouterOutputs["agencies"]["get"];
  catalogue: RouterOutputs["agencies"]["catalogue"];
  history: RouterOutputs["agencies"]["history"];
  districts: RouterOutputs["agencies"]["districts"];
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load = (async (event) => {
  const { tenant } = await event.parent();
  // Not an id at all is the same missing page as an id of no agency here.
  if (!can(tenant.role, "agencies.view") || !uuid.test(event.params.agencyId)) error(404);
  const api = apiForRequest(event);
  const input = { tenantSlug: tenant.slug, agencyId: event.params.agencyId };
  const page = await loadFromApi<AgencyPage>(event.url, "agencies.get", async () => {
    const [agency, catalogue, history, districts] = await Promise.all([
      api.agencies.get.query(input),
      api.agencies.catalogue.query({ tenantSlug: tenant.slug }),
      api.agencies.history.query(input),
      api.agencies.districts.query({ tenantSlug: tenant.slug }),
    ]);
    return { agency, catalogue, history, districts };
  });
  return { page };
}) satisfies PageServerLoad;
