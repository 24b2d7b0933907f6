import { requirePlatformMay } from "#lib/platform/guard.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

/** The plans and the tax table, for platform admins; read again (`billing:plans`) after each change. */
export const load = (async (event) => {
  requirePlatformMay(event.locals.me, event.url, "billing.manage");
  event.depends("billing:plans");
  const api = apiForRequest(event).billingAdmin;
  const catalogue = await loadFromApi(event.url, "billingAdmin.plans", async () => {
    const [plans, taxRates] = await Promise.all([api.plans.query(), api.taxRates.query()]);
    return { plans, taxRates };
  });
  return { catalogue };
}) satisfies PageServerLoad;
