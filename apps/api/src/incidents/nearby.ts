import type { TenantTx } from "@sigap/db/client";
import { listOpenIncidentsOfType, type IncidentRow } from "@sigap/db/queries";

/** How close an open incident of the same kind must be for a new report to hint that it may be the same one. */
export const nearbyMeters = 500;

const earthRadiusMeters = 6_371_000;

/** Great-circle distance between two points (haversine); plenty precise at a few hundred metres. */
export function distanceMeters(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusMeters * Math.asin(Math.sqrt(h));
}

/**
 * Open incidents of the same main type near this one: in the same kecamatan when neither has
 * coordinates, or within `nearbyMeters`. Several people call about one fire; the operator decides
 * whether to attach the call to the open incident instead.
 */
export async function nearbyOpenIncidents(
  tx: TenantTx,
  incident: Pick<IncidentRow, "types" | "location"> & { id: string | null },
) {
  const mainType = incident.types[0]?.split(".")[0];
  const here = incident.location;
  if (!mainType || !here) return [];
  const candidates = await listOpenIncidentsOfType(tx, mainType);
  return candidates
    .filter((other) => other.id !== incident.id && other.location)
    .map((other) => {
      const there = other.location;
      const meters =
        here.latitude !== null &&
        here.longitude !== null &&
        there?.latitude != null &&
        there.longitude != null
          ? Math.round(
              distanceMeters(
                { latitude: here.latitude, longitude: here.longitude },
                { latitude: there.latitude, longitude: there.longitude },
              ),
            )
          : null;
      return {
        id: other.id,
        types: other.types,
        status: other.status,
        createdAt: other.createdAt.toISOString(),
        meters,
        sameKecamatan: here.kecamatanCode !== null && here.kecamatanCode === there?.kecamatanCode,
      };
    })
    .filter((other) =>
      other.meters !== null ? other.meters <= nearbyMeters : other.sameKecamatan,
    );
}
