import { apiFailure } from "#lib/api/error.ts";
import type { ResponderLinkView } from "#lib/incidents/types.ts";
import { apiForRequest } from "#lib/server/session.ts";
import type { PageServerLoad } from "./$types";

type Link =
  { status: "ok"; data: ResponderLinkView } | { status: "invalid" } | { status: "unavailable" };

/**
 * A responder link opens one assignment without signing in: the token is the only credential,
 * checked by the API. A forged, altered or expired one is a page that says so, not a bare 404.
 */
export const load = (async (event) => {
  event.depends("respond:view");
  // The page shows where an emergency is: no shared cache may keep it.
  event.setHeaders({ "cache-control": "no-store" });
  let link: Link;
  try {
    link = {
      status: "ok",
      data: await apiForRequest(event).responderLink.view.query({ token: event.params.token }),
    };
  } catch (cause) {
    const failure = apiFailure(cause);
    if (failure.code === "NOT_FOUND" || failure.code === "BAD_REQUEST")
      link = { status: "invalid" };
    else {
      console.error(
        `[portal] responderLink.view failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
      link = { status: "unavailable" };
    }
  }
  return { link };
}) satisfies PageServerLoad;
