import { incidentTypes } from "@sigap/sop-engine";

const namesByCode = new Map<string, string>(
  incidentTypes.flatMap((type) => [
    [type.code, type.name] as const,
    ...type.subtypes.map((subtype) => [subtype.code, subtype.name] as const),
  ]),
);

/** An incident's kinds in words, the main one first: "Kebakaran gedung + Kecelakaan lalu lintas". Unknown (local) codes stay codes. */
export function incidentSummary(types: readonly string[]): string {
  return types.map((code) => namesByCode.get(code) ?? code).join(" + ");
}
