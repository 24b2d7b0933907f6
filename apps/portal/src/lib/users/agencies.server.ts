import type { RequestEvent } from "@sveltejs/kit";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi, type Loaded } from "#lib/tenant/load.ts";
import type { AgencyChoice } from "./types.ts";

type ApiEvent = Pick<RequestEvent, "request" | "url" | "fetch" | "getClientAddress">;

/** The tenant's agencies an agency responder can be bound to: names only, their contacts stay on the agencies page. */
export function loadAgencyChoices(
  event: ApiEvent,
  tenantSlug: string,
): Promise<Loaded<AgencyChoice[]>> {
  return loadFromApi(event.url, "agencies.list", async () =>
    (await apiForRequest(event).agencies.list.query({ tenantSlug })).map(
      ({ id, name, active }) => ({ id, name, active }),
    ),
  );
}
