import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { PageServerLoad } from "./$types";

/** The queue itself arrives over the live stream in the browser; the server only checks the role. */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "calls.view")) error(404);
  return {};
}) satisfies PageServerLoad;
