import { error } from "@sveltejs/kit";
import { platformMay } from "#lib/national/access.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { requireSignedIn } from "#lib/tenant/guard.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

/** A province's drill-down from the national view: its kabupaten/kota with status and launch date. */
export const load = (async (event) => {
  const me = requireSignedIn(event.locals.me, event.url);
  if (!platformMay(me, "national.view")) error(404);
  // Not a province code, not a province: the same 404 as an unknown one.
  if (!/^\d{2}$/.test(event.params.code)) error(404);
  const api = apiForRequest(event).national;
  const province = await loadFromApi(event.url, "national province", () =>
    api.province.query({ provinceCode: event.params.code }),
  );
  return { province };
}) satisfies PageServerLoad;
