import type { LocalSubtype } from "../schema/ruleset.ts";
import { incidentTypes, type IncidentType } from "./incident-types.ts";

/** The national catalogue extended with one region's local subtypes. */
export interface Taxonomy {
  hasType(code: string): boolean;
  hasSubtype(code: string): boolean;
  type(code: string): IncidentType | undefined;
  /** National and local subtype codes of a type. */
  subtypesOf(typeCode: string): readonly string[];
}

const nationalTypes = new Map(incidentTypes.map((type) => [type.code, type]));
const nationalSubtypes: ReadonlySet<string> = new Set(
  incidentTypes.flatMap((type) => type.subtypes.map((subtype) => subtype.code)),
);

export function isNationalSubtype(code: string): boolean {
  return nationalSubtypes.has(code);
}

export function typeOfSubtype(code: string): string {
  return code.slice(0, code.indexOf("."));
}

/** Local subtypes of unknown types or that repeat a national code are left out; validation reports them. */
export function taxonomyWith(localSubtypes: readonly LocalSubtype[]): Taxonomy {
  const subtypesByType = new Map<string, string[]>();
  for (const type of incidentTypes)
    subtypesByType.set(
      type.code,
      type.subtypes.map((subtype) => subtype.code),
    );
  for (const local of localSubtypes) {
    const list = subtypesByType.get(typeOfSubtype(local.code));
    if (list !== undefined && !list.includes(local.code)) list.push(local.code);
  }
  const allSubtypes = new Set([...subtypesByType.values()].flat());
  return {
    hasType: (code) => nationalTypes.has(code),
    hasSubtype: (code) => allSubtypes.has(code),
    type: (code) => nationalTypes.get(code),
    subtypesOf: (typeCode) => subtypesByType.get(typeCode) ?? [],
  };
}
