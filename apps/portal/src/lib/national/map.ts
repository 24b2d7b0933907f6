import indonesia from "./map/provinces.json";

/**
 * The 38 provinces as SVG paths, already projected (longitude and latitude scaled alike, which at
 * Indonesia's latitudes is as good as any projection) and simplified; `map/README.md` says from where.
 */
export const provinceMap: {
  viewBox: string;
  provinces: readonly { code: string; path: string }[];
} = indonesia;

/** A band of the map's colour scale: provinces whose live share (in %) is from `from` up to below `to`. */
export interface AdoptionBand {
  from: number;
  to: number | null;
  fill: string;
  swatch: string;
}

const noneLive: AdoptionBand = { from: 0, to: 0, fill: "fill-slate-200", swatch: "bg-slate-200" };
const liveBands: readonly AdoptionBand[] = [
  { from: 0, to: 10, fill: "fill-emerald-200", swatch: "bg-emerald-200" },
  { from: 10, to: 25, fill: "fill-emerald-400", swatch: "bg-emerald-400" },
  { from: 25, to: 50, fill: "fill-emerald-600", swatch: "bg-emerald-600" },
  { from: 50, to: null, fill: "fill-emerald-800", swatch: "bg-emerald-800" },
];

/** No live region, then four bands of live share, each a step darker, so the scale reads without telling colours apart. */
export const adoptionBands: readonly AdoptionBand[] = [noneLive, ...liveBands];

/** The band a province's live share falls in; only a province with no live region gets the first. */
export function adoptionBand(percentLive: number): AdoptionBand {
  return (percentLive > 0 && liveBands.findLast((band) => band.from <= percentLive)) || noneLive;
}
