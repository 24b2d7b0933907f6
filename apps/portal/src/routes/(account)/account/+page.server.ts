import { apiForRequest } from "#lib/server/session.ts";
import { requireSignedIn } from "#lib/tenant/guard.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

export const load = (async (event) => {
  const me = requireSignedIn(event.locals.me, event.url);
  const api = apiForRequest(event);
  const [sessions, twoFactor] = await Promise.all([
    loadFromApi(event.url, "account.sessions", () => api.account.sessions.query()),
    loadFromApi(event.url, "twoFactor.status", () => api.twoFactor.status.query()),
  ]);
  return { me, sessions, twoFactor };
}) satisfies PageServerLoad;
