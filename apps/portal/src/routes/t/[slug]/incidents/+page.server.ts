import { error } from "@sveltejs/kit";
import { can } from "@sigap/tenancy/permissions";
import type { RouterOutputs } from "#lib/api/client.ts";
import { boardFilterOf, boardQuery } from "#lib/incidents/board.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

/** The board's first page as the URL's filter asks; the page reads further pages, and what it shows again when the live stream says incidents changed. */
export const load = (async (event) => {
  const { tenant } = await event.parent();
  if (!can(tenant.role, "incidents.view")) error(404);
  const filter = boardFilterOf(event.url.searchParams);
  const board = await loadFromApi<RouterOutputs["incidents"]["board"]>(
    event.url,
    "incidents.board",
    () =>
      apiForRequest(event).incidents.board.query({
        tenantSlug: tenant.slug,
        ...boardQuery(filter),
      }),
  );
  return { board, filter };
}) satisfies PageServerLoad;
