import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { InvoiceDetail } from "#lib/billing/types.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One invoice; read again (`billing:invoice`) after a payment is recorded or the invoice is voided. */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  // Not an id at all is the same missing page as an id of no invoice here.
  if (!can(tenant.role, "billing.view") || !uuid.test(event.params.invoiceId)) error(404);
  event.depends("billing:invoice");
  const invoice = await loadFromApi<InvoiceDetail>(event.url, "billing.invoice", () =>
    apiForRequest(event).billing.invoice.query({
      tenantSlug: tenant.slug,
      invoiceId: event.params.invoiceId,
    }),
  );
  return { invoice, manager: can(tenant.role, "billing.manage") };
}) satisfies PageServerLoad;
