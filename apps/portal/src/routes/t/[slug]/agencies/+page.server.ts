import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import { loadAgencies } from "#lib/agencies/load.server.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "agencies.view")) error(404);
  return { agencies: await loadAgencies(event, tenant.slug) };
}) satisfies PageServerLoad;
