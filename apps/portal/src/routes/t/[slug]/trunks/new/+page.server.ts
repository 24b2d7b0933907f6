import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "trunks.edit")) error(404);
  return {};
}) satisfies PageServerLoad;
