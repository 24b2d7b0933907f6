import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

type IncidentPage = {
  incident: RouterOutputs["incidents"]["detail"];
  /**
   * The SOP's plan for it now, for those who dispatch: to dispatch it, and while it is under way,
   * to send more agencies.
   */
  proposal: RouterOutputs["incidents"]["proposal"] | null;
  /** The region's kecamatan, for naming the place and changing the facts (those who dispatch). */
  districts: RouterOutputs["agencies"]["districts"];
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Read again (`incidents:detail`) when the live stream names this incident, and after each action on it. */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  // Not an id at all is the same missing page as an id of no incident here.
  if (!can(tenant.role, "incidents.view") || !uuid.test(event.params.incidentId)) error(404);
  event.depends("incidents:detail");
  const api = apiForRequest(event);
  const input = { tenantSlug: tenant.slug, incidentId: event.params.incidentId };
  const dispatcher = can(tenant.role, "incidents.dispatch");
  const page = await loadFromApi<IncidentPage>(event.url, "incidents.detail", async () => {
    const [incident, districts] = await Promise.all([
      api.incidents.detail.query(input),
      dispatcher ? api.agencies.districts.query({ tenantSlug: tenant.slug }) : Promise.resolve([]),
    ]);
    const planned = ["new", "dispatched", "in_progress"].includes(incident.status);
    const proposal = dispatcher && planned ? await api.incidents.proposal.query(input) : null;
    return { incident, proposal, districts };
  });
  return { page, dispatcher };
}) satisfies PageServerLoad;
