import { loadAgencies } from "#lib/agencies/load.server.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  return { agencies: await loadAgencies(event, tenant.slug) };
}) satisfies PageServerLoad;
