import type { RouterOutputs } from "#lib/api/client.ts";
import { browserApi } from "#lib/api/browser-api.ts";

export type RegionMapData = RouterOutputs["callDesk"]["regionMap"];

/**
 * The region's kecamatan, for a map, or undefined when they cannot be had: every page with a map
 * works without it (the call panel and the facts editor take typed coordinates, the board a list).
 */
export function loadRegionMap(tenantSlug: string): Promise<RegionMapData | undefined> {
  return browserApi()
    .callDesk.regionMap.query({ tenantSlug })
    .catch(() => undefined);
}
