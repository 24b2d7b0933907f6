import { requirePlatformMay } from "#lib/platform/guard.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

/** Billing across regions, for platform admins. */
export const load = (async (event) => {
  requirePlatformMay(event.locals.me, event.url, "billing.manage");
  const billing = await loadFromApi(event.url, "billingAdmin.overview", () =>
    apiForRequest(event).billingAdmin.overview.query(),
  );
  return { billing };
}) satisfies PageServerLoad;
