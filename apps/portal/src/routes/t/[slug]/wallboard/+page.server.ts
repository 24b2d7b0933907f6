import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { PageServerLoad } from "./$types";

/** The figures load in the browser and refresh there; the server only checks the role. */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "calls.supervise")) error(404);
  return {};
}) satisfies PageServerLoad;
