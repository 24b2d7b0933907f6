import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { PageServerLoad } from "./$types";

/** The settings load in the browser; the server only checks the role. */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "calls.configure")) error(404);
  return {};
}) satisfies PageServerLoad;
