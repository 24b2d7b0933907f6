import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { BillingOverview, BillingPlan } from "#lib/billing/types.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

type BillingPage = {
  overview: BillingOverview;
  /** The plans a platform admin can put the region on; nobody else sees them. */
  plans: BillingPlan[];
};

/** The region's billing; read again (`billing:tenant`) after each change a platform admin makes here. */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "billing.view")) error(404);
  event.depends("billing:tenant");
  const manager = can(tenant.role, "billing.manage");
  const api = apiForRequest(event);
  const billing = await loadFromApi<BillingPage>(event.url, "billing.overview", async () => {
    const [overview, plans] = await Promise.all([
      api.billing.overview.query({ tenantSlug: tenant.slug }),
      manager ? api.billingAdmin.plans.query() : Promise.resolve([]),
    ]);
    return { overview, plans };
  });
  return { billing, manager };
}) satisfies PageServerLoad;
