import { agencyTypes, incidentTypes, officialRoles, targetKey } from "@sigap/sop-engine";
import type { Locale } from "#lib/i18n/index.ts";
import { isRecord } from "../json.ts";
import type { ChoiceGroup } from "#lib/forms/choices.ts";
import type { TenantAgency } from "./types.ts";

/** A region's own subtype, declared in its ruleset (`fire.market`). */
export interface LocalSubtype {
  code: string;
  name: string;
}

/** An incident type and the subtypes a scenario may pick, national first, then the region's own. */
export interface TypeOption {
  code: string;
  name: string;
  subtypes: { code: string; name: string }[];
}

/**
 * The draft's `localSubtypes`, read defensively: a draft may break the ruleset schema while it is
 * being edited, and the lab must still open.
 */
export function localSubtypesOf(ruleset: unknown): LocalSubtype[] {
  if (!isRecord(ruleset) || !Array.isArray(ruleset.localSubtypes)) return [];
  return ruleset.localSubtypes.flatMap((entry: unknown) =>
    isRecord(entry) && typeof entry.code === "string" && typeof entry.name === "string"
      ? [{ code: entry.code, name: entry.name }]
      : [],
  );
}

/** Rule names by position in the draft, for the explanation trace (which names rules by id and index). */
export function ruleNamesOf(ruleset: unknown): Map<number, string> {
  const names = new Map<number, string>();
  if (!isRecord(ruleset) || !Array.isArray(ruleset.rules)) return names;
  ruleset.rules.forEach((rule: unknown, index) => {
    if (isRecord(rule) && typeof rule.name === "string") names.set(index, rule.name);
  });
  return names;
}

export function typeOptions(locale: Locale, localSubtypes: readonly LocalSubtype[]): TypeOption[] {
  return incidentTypes.map((type) => ({
    code: type.code,
    name: locale === "en" ? type.nameEn : type.name,
    subtypes: [
      ...type.subtypes.map((subtype) => ({
        code: subtype.code,
        name: locale === "en" ? subtype.nameEn : subtype.name,
      })),
      ...localSubtypes.filter((local) => local.code.startsWith(`${type.code}.`)),
    ],
  }));
}

/** The name of a type or subtype code; a code the catalogue does not know shows as it is. */
export function incidentName(options: readonly TypeOption[], code: string): string {
  for (const type of options) {
    if (type.code === code) return type.name;
    const subtype = type.subtypes.find((entry) => entry.code === code);
    if (subtype) return subtype.name;
  }
  return code;
}

const agencyTypeNames = new Map<string, string>(agencyTypes.map((type) => [type.code, type.name]));
const agencyTypeShortNames = new Map<string, string>(
  agencyTypes.map((type) => [type.code, type.shortName]),
);
const officialNames = new Map<string, string>(officialRoles.map((role) => [role.code, role.name]));

export type AgencyTarget = { agencyType: string } | { agencyId: string };

// The plan's key for an agency (`type:<code>` or `agency:<id>`) is the engine's `targetKey`.
export { targetKey };

/** The target a plan key names: the inverse of `targetKey`. */
export function targetOfKey(key: string): AgencyTarget {
  return key.startsWith("agency:")
    ? { agencyId: key.slice("agency:".length) }
    : { agencyType: key.slice("type:".length) };
}

/** What a planned agency is called: the national type's name, or the tenant's own agency's name. */
export function targetName(key: string, agencies: readonly TenantAgency[]): string {
  const target = targetOfKey(key);
  if ("agencyType" in target) return agencyTypeNames.get(target.agencyType) ?? target.agencyType;
  return agencies.find((agency) => agency.id === target.agencyId)?.name ?? target.agencyId;
}

/** Like `targetName`, but as the call centre says a type ("Damkar"), for one-line summaries. */
export function targetShortName(key: string, agencies: readonly TenantAgency[]): string {
  const target = targetOfKey(key);
  if ("agencyType" in target)
    return agencyTypeShortNames.get(target.agencyType) ?? target.agencyType;
  return targetName(key, agencies);
}

export function officialName(code: string): string {
  return officialNames.get(code) ?? code;
}

/**
 * The agencies a test case may name, valued by the plan's key: a national type (whichever agency
 * of that type the region has) or one of the region's own agencies.
 */
export function targetGroups(
  labels: { types: string; agencies: string },
  agencies: readonly TenantAgency[],
): ChoiceGroup[] {
  const groups: ChoiceGroup[] = [
    {
      label: labels.types,
      choices: agencyTypes.map((type) => ({ value: `type:${type.code}`, label: type.name })),
    },
  ];
  if (agencies.length > 0) {
    groups.push({
      label: labels.agencies,
      choices: agencies.map((agency) => ({
        value: `agency:${agency.id}`,
        label: agency.name ?? agency.id,
      })),
    });
  }
  return groups;
}
