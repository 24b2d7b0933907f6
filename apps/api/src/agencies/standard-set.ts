import type { AgencyTypeCode } from "@sigap/sop-engine";

export type RegionKind = "kabupaten" | "kota";

/**
 * The agencies nearly every kabupaten/kota dispatches to, in the order a 112 operator thinks of
 * them, with the short name each office goes by locally. It holds every type the national SOP
 * dispatches as primary, so a region that starts from it can pass the go-live checklist. Only the police differ: a kota is served
 * by a Polresta, a kabupaten by a Polres.
 */
const standardAgencies: readonly { type: AgencyTypeCode; label: (kind: RegionKind) => string }[] = [
  { type: "damkar", label: () => "Damkar" },
  { type: "bpbd", label: () => "BPBD" },
  { type: "psc119", label: () => "PSC 119" },
  { type: "rsud", label: () => "RSUD" },
  { type: "satpol_pp", label: () => "Satpol PP" },
  { type: "polres", label: (kind) => (kind === "kota" ? "Polresta" : "Polres") },
  { type: "kodim", label: () => "Kodim" },
  { type: "basarnas", label: () => "Basarnas" },
  { type: "pln", label: () => "PLN" },
  { type: "pdam", label: () => "PDAM" },
  { type: "dishub", label: () => "Dishub" },
  { type: "dinsos", label: () => "Dinas Sosial" },
  { type: "dp3a", label: () => "DP3A" },
  { type: "pmi", label: () => "PMI" },
  // Fallen trees and landslides on roads go to these two in the national SOP.
  { type: "dlh", label: () => "DLH" },
  { type: "pupr", label: () => "Dinas PUPR" },
];

/** The standard set for a region, named after it: "Damkar Kabupaten Sidoarjo". */
export function standardSet(
  kind: RegionKind,
  regionName: string,
): { agencyType: AgencyTypeCode; name: string }[] {
  return standardAgencies.map(({ type, label }) => ({
    agencyType: type,
    name: `${label(kind)} ${regionName}`,
  }));
}
