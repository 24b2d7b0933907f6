import type { RequestEvent } from "@sveltejs/kit";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi, type Loaded } from "#lib/tenant/load.ts";

type AgenciesEvent = Pick<RequestEvent, "request" | "url" | "fetch" | "getClientAddress">;

export interface AgencyListing {
  list: RouterOutputs["agencies"]["list"];
  catalogue: RouterOutputs["agencies"]["catalogue"];
}

/** The tenant's agencies with their contacts, and the catalogue naming their types. */
export function loadAgencies(
  event: AgenciesEvent,
  tenantSlug: string,
): Promise<Loaded<AgencyListing>> {
  const api = apiForRequest(event);
  return loadFromApi(event.url, "agencies.list", async () => {
    const [list, catalogue] = await Promise.all([
      api.agencies.list.query({ tenantSlug }),
      api.agencies.catalogue.query({ tenantSlug }),
    ]);
    return { list, catalogue };
  });
}
