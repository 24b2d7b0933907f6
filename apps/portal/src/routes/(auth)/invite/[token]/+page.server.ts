import { apiFailure } from "#lib/api/error.ts";
import { apiForRequest } from "#lib/server/session.ts";
import type { PageServerLoad } from "./$types";

/** What the link offers; an unknown token is a state of this page, not an error page. */
export const load = (async (event) => {
  try {
    return {
      invitation: await apiForRequest(event).invitations.preview.query({
        token: event.params.token,
      }),
    };
  } catch (error) {
    if (apiFailure(error).code === "NOT_FOUND") return { invitation: null };
    throw error;
  }
}) satisfies PageServerLoad;
