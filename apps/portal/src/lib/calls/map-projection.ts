// Web Mercator, as map tile servers cut their tiles: the world is a unit square, x east from the
// antimeridian, y south from about 85°N. The call panel's map draws the region in these units.

export interface LatLng {
  latitude: number;
  longitude: number;
}

/** Where a caller's phone says it is (Advanced Mobile Location), and how far off it may be. */
export interface DeviceFix extends LatLng {
  accuracyMeters: number;
}

/** A place drawn on the region's map as a link: an incident on the board's map. */
export interface MapMarker extends LatLng {
  id: string;
  /** The link's accessible name, and its tooltip. */
  label: string;
  href: string;
  /** The dot's fill, a Tailwind class (`fill-red-700`). */
  fill: string;
  /** Drawn with a red ring: something waits too long (an agency has not acknowledged). */
  alarm: boolean;
}

/** Metres of the equator; a unit of x spans this many metres at the equator, fewer towards the poles. */
const equatorMetres = 40_075_016.686;

export function project({ latitude, longitude }: LatLng): [x: number, y: number] {
  const phi = (latitude * Math.PI) / 180;
  return [(longitude + 180) / 360, (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2];
}

export function unproject([x, y]: [number, number]): LatLng {
  const longitude = x * 360 - 180;
  const latitude = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return { latitude, longitude };
}

/** `metres` on the ground at `latitude`, in map units. */
export function metresToUnits(metres: number, latitude: number): number {
  return metres / (equatorMetres * Math.cos((latitude * Math.PI) / 180));
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The bounds of `points`, widened by `margin` of their size on each side (a point alone gets a small square). */
export function boundsOf(points: readonly [number, number][], margin = 0.05): Bounds | undefined {
  if (points.length === 0) return undefined;
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  // About 2 km at Indonesian latitudes, so a lone point still shows its surroundings.
  const pad = Math.max((maxX - minX) * margin, (maxY - minY) * margin, 0.00005);
  return { minX: minX - pad, minY: minY - pad, maxX: maxX + pad, maxY: maxY + pad };
}

export interface Tile {
  url: string;
  x: number;
  y: number;
  size: number;
}

/**
 * The tiles of `template` (`…/{z}/{x}/{y}.png`) that cover `bounds`, at the zoom where the width
 * spans about four tiles: enough detail to find a street, few enough requests for a dispatcher's screen.
 */
export function tilesCovering(template: string, bounds: Bounds): Tile[] {
  const zoom = Math.min(18, Math.max(0, Math.round(Math.log2(4 / (bounds.maxX - bounds.minX)))));
  const scale = 2 ** zoom;
  const tiles: Tile[] = [];
  for (let tx = Math.floor(bounds.minX * scale); tx <= Math.floor(bounds.maxX * scale); tx++) {
    for (let ty = Math.floor(bounds.minY * scale); ty <= Math.floor(bounds.maxY * scale); ty++) {
      const url = template
        .replace("{z}", String(zoom))
        .replace("{x}", String(tx))
        .replace("{y}", String(ty));
      tiles.push({ url, x: tx / scale, y: ty / scale, size: 1 / scale });
    }
  }
  return tiles;
}
