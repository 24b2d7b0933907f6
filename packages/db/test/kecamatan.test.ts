import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoTenants } from "../src/seed/demo-tenants.ts";
import {
  kecamatanContaining,
  kecamatanOf,
  randomPointIn,
  type Kecamatan,
} from "../src/kecamatan.ts";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

type Position = [longitude: number, latitude: number];

const districtsCsv = join(
  dirname(createRequire(import.meta.url).resolve("idn-area-data/package.json")),
  "data",
  "districts.csv",
);
const districts = readFileSync(districtsCsv, "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [code = "", regencyCode = "", name = ""] = line.split(",");
    return { code, regencyCode, name: name.replace(/^"(.*)"$/, "$1").replaceAll('""', '"') };
  });

const demoRegencies = demoTenants.map((tenant) => tenant.regionCode);

describe("kecamatan boundaries", () => {
  it.each(demoRegencies)(
    "has a boundary for every kecamatan of %s, named as in idn-area-data",
    (regency) => {
      const expected = districts
        .filter((district) => district.regencyCode === regency)
        .map(({ code, name }) => ({ code, name }));
      const actual = kecamatanOf(regency).map(({ code, name }) => ({ code, name }));
      expect(expected.length).toBeGreaterThan(0);
      expect(actual.toSorted((a, b) => a.code.localeCompare(b.code))).toEqual(expected);
    },
  );

  it("has no boundaries for other or malformed regency codes", () => {
    expect(kecamatanOf("11.01")).toEqual([]);
    expect(kecamatanOf("../kecamatan/35.15")).toEqual([]);
  });

  it.each(demoRegencies)(
    "places 1,000 random points per kecamatan of %s inside that kecamatan",
    (regency) => {
      const kecamatan = kecamatanOf(regency);
      const [west, south, east, north] = boundsOf(kecamatan.flatMap(polygonsOf));
      const random = seededRandom(112);
      const misplaced: string[] = [];
      for (const one of kecamatan) {
        for (let i = 0; i < 1_000; i++) {
          const { latitude, longitude } = randomPointIn(one, random);
          const inRegencyBounds =
            longitude >= west && longitude <= east && latitude >= south && latitude <= north;
          if (!inRegencyBounds || !insideByWinding(polygonsOf(one), [longitude, latitude])) {
            misplaced.push(`${one.code}: ${longitude},${latitude}`);
          }
        }
      }
      expect(misplaced).toEqual([]);
    },
  );

  it.each(demoRegencies)(
    "finds a kecamatan holding a point in %s, and none for a point outside the regency",
    (regency) => {
      const kecamatan = kecamatanOf(regency);
      const random = seededRandom(7);
      for (const one of kecamatan) {
        const point = randomPointIn(one, random);
        const found = kecamatanContaining(kecamatan, point);
        // Simplified boundaries overlap a little at their edges, so a point may lie in a neighbour too.
        expect(found && insideByWinding(polygonsOf(found), [point.longitude, point.latitude])).toBe(
          true,
        );
      }
      // The middle of the Indian Ocean belongs to no regency.
      expect(kecamatanContaining(kecamatan, { latitude: -20, longitude: 80 })).toBeUndefined();
    },
  );
});

function polygonsOf({ geometry }: Kecamatan): Position[][][] {
  return (
    geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates
  ) as Position[][][];
}

function boundsOf(
  polygons: Position[][][],
): [west: number, south: number, east: number, north: number] {
  const points = polygons.flat(2);
  const longitudes = points.map(([longitude]) => longitude);
  const latitudes = points.map(([, latitude]) => latitude);
  return [
    Math.min(...longitudes),
    Math.min(...latitudes),
    Math.max(...longitudes),
    Math.max(...latitudes),
  ];
}

/**
 * A check independent of the module's even-odd count: inside some part's outer ring by winding
 * number and inside none of that part's holes.
 */
function insideByWinding(polygons: Position[][][], point: Position): boolean {
  return polygons.some(
    ([outer = [], ...holes]) =>
      winding(outer, point) !== 0 && holes.every((hole) => winding(hole, point) === 0),
  );
}

function winding(ring: Position[], [x, y]: Position): number {
  let total = 0;
  ring.slice(1).forEach(([x2, y2], i) => {
    const [x1, y1] = ring[i] ?? [x2, y2];
    const side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
    if (y1 <= y && y2 > y && side > 0) total++;
    if (y1 > y && y2 <= y && side < 0) total--;
  });
  return total;
}

/** The same numbers on every run (xoroshiro128+), so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}
