import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Simplified boundaries for the demo regencies only; `data/kecamatan/README.md` says where from. */
const dataDir = join(import.meta.dirname, "../data/kecamatan");

/**
 * The sparsest demo kecamatan, Kepulauan Sangkarrang (islands off Makassar), fills ~0.1% of its
 * bounding box, so this many misses means the geometry is broken rather than unlucky.
 */
const maxAttempts = 100_000;

/** A kecamatan's code and name as in `districts.csv`, with its boundary as GeoJSON `[longitude, latitude]`. */
export interface Kecamatan {
  code: string;
  name: string;
  geometry:
    | { type: "Polygon"; coordinates: number[][][] }
    | { type: "MultiPolygon"; coordinates: number[][][][] };
}

/** GeoJSON order: longitude first. */
type Position = [longitude: number, latitude: number];

interface KecamatanFile {
  features: { properties: { code: string; name: string }; geometry: Kecamatan["geometry"] }[];
}

/**
 * The kecamatan of one kabupaten/kota (`35.15`), for drawing a region on the offline map and for
 * placing simulated callers. Only the demo regencies have boundaries; any other code gets `[]`.
 */
export function kecamatanOf(regencyCode: string): readonly Kecamatan[] {
  // Checked before the cache, so it holds at most one entry per well-formed code.
  if (!/^\d{2}\.\d{2}$/.test(regencyCode)) return [];
  let kecamatan = loaded.get(regencyCode);
  if (!kecamatan) {
    kecamatan = readKecamatan(regencyCode);
    loaded.set(regencyCode, kecamatan);
  }
  return kecamatan;
}

/** Files read once per process: the call panel's map asks for its region's on every call. */
const loaded = new Map<string, readonly Kecamatan[]>();

function readKecamatan(regencyCode: string): readonly Kecamatan[] {
  const file = join(dataDir, `${regencyCode}.json`);
  if (!existsSync(file)) return [];
  const { features } = JSON.parse(readFileSync(file, "utf8")) as KecamatanFile;
  return features.map(({ properties, geometry }) => ({
    code: properties.code,
    name: properties.name,
    geometry,
  }));
}

/**
 * A uniformly random location inside a kecamatan, so a simulated caller's device reports a place
 * the kecamatan really covers (not sea or a neighbour). `random` returns [0, 1), like `Math.random`;
 * pass a seeded one for repeatable simulations.
 */
export function randomPointIn(
  kecamatan: Kecamatan,
  random: () => number,
): { latitude: number; longitude: number } {
  const polygons = polygonsOf(kecamatan);
  const outerPoints = polygons.flatMap(([outer = []]) => outer);
  const longitudes = outerPoints.map(([longitude]) => longitude);
  const latitudes = outerPoints.map(([, latitude]) => latitude);
  const [west, east] = [Math.min(...longitudes), Math.max(...longitudes)];
  const [south, north] = [Math.min(...latitudes), Math.max(...latitudes)];
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const point: Position = [west + (east - west) * random(), south + (north - south) * random()];
    if (polygons.some((rings) => crossings(rings, point) % 2 === 1))
      return { latitude: point[1], longitude: point[0] };
  }
  throw new Error(`No point found inside kecamatan ${kecamatan.code} in ${maxAttempts} tries`);
}

/** The kecamatan `point` lies in, if any of `kecamatan` holds it. */
export function kecamatanContaining(
  kecamatan: readonly Kecamatan[],
  point: { latitude: number; longitude: number },
): Kecamatan | undefined {
  const position: Position = [point.longitude, point.latitude];
  return kecamatan.find((area) =>
    polygonsOf(area).some((rings) => crossings(rings, position) % 2 === 1),
  );
}

function polygonsOf({ geometry }: Kecamatan): Position[][][] {
  return (
    geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates
  ) as Position[][][];
}

/**
 * Even-odd rule: how many ring edges a ray going east from the point crosses. Holes are rings
 * too, so a point in a hole crosses an even number and counts as outside. GeoJSON rings are
 * closed (last point = first), so consecutive points give every edge.
 */
function crossings(rings: Position[][], [longitude, latitude]: Position): number {
  let count = 0;
  for (const ring of rings) {
    let previous: Position | undefined;
    for (const current of ring) {
      if (previous && crosses(previous, current, longitude, latitude)) count++;
      previous = current;
    }
  }
  return count;
}

function crosses(
  [x1, y1]: Position,
  [x2, y2]: Position,
  longitude: number,
  latitude: number,
): boolean {
  return (
    y1 > latitude !== y2 > latitude && longitude < x1 + ((x2 - x1) * (latitude - y1)) / (y2 - y1)
  );
}
