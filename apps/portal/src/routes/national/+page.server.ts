import { error } from "@sveltejs/kit";
import { platformMay } from "#lib/national/access.ts";
import { filtersFromUrl, type NationalFilters } from "#lib/national/filters.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { requireSignedIn } from "#lib/tenant/guard.ts";
import { loadFromApi } from "#lib/tenant/load.ts";
import type { PageServerLoad } from "./$types";

/** The national adoption view, for ministry viewers and platform admins; anyone else gets the 404. */
export const load = (async (event) => {
  const me = requireSignedIn(event.locals.me, event.url);
  if (!platformMay(me, "national.view")) error(404);
  const parsed = filtersFromUrl(event.url);
  if (!parsed.valid) {
    const none: NationalFilters = {};
    return {
      filters: none,
      months: undefined,
      national: { status: "invalid", fields: {} } as const,
    };
  }
  const { filters, months } = parsed;
  const api = apiForRequest(event).national;
  const national = await loadFromApi(event.url, "national view", async () => {
    // Provinces without the province filter: the picker lists all 38, the table shows the chosen one.
    const [summary, allProvinces, tenants, adoption] = await Promise.all([
      api.summary.query(filters),
      api.provinces.query(filters.status ? { status: filters.status } : {}),
      api.tenants.query(filters),
      api.adoptionOverTime.query({ ...filters, months }),
    ]);
    return { summary, allProvinces, tenants, adoption };
  });
  return { filters, months, national };
}) satisfies PageServerLoad;
