import type { CompiledRule } from "./compile.ts";
import { adviceItems, type PlanFragment } from "./merge.ts";
import type { Incident } from "./schema/incident.ts";
import type { AdviceItem } from "./schema/ruleset.ts";

/** The codes advice is fitted to: each of the incident's types and, when recorded, its subtype. */
export function incidentTypeCodes(incident: Incident): string[] {
  return incident.types.flatMap((kind) =>
    kind.subtype === undefined ? [kind.type] : [kind.type, kind.subtype],
  );
}

/** `fire.*` covers the type `fire` and its subtypes; `fire.building` exactly that subtype. */
function patternCovers(pattern: string, code: string): boolean {
  if (!pattern.endsWith(".*")) return pattern === code;
  const type = pattern.slice(0, -2);
  return code === type || code.startsWith(`${type}.`);
}

/**
 * Whether advice may be said for an incident with these type and subtype codes: an item without
 * `forTypes` always, otherwise when any code matches any pattern. The same matching as
 * `when.types`, so an incident without a subtype fits only `<type>.*` — "leave the building" is not
 * said about a fire until the operator knows it is a building that burns.
 */
export function adviceFits(
  item: Pick<AdviceItem, "forTypes">,
  incidentTypes: readonly string[],
): boolean {
  const patterns = item.forTypes;
  return (
    patterns === undefined ||
    patterns.some((pattern) => incidentTypes.some((code) => patternCovers(pattern, code)))
  );
}

/** The rule's contribution without the advice that does not fit the incident. */
export function withFittingAdvice(
  rule: CompiledRule,
  incidentTypes: readonly string[],
): PlanFragment {
  const items = rule.rule.then.advice ?? [];
  if (items.every((item) => adviceFits(item, incidentTypes))) return rule.fragment;
  const ref = { ruleId: rule.rule.id, ruleIndex: rule.index };
  return {
    ...rule.fragment,
    advice: adviceItems(items, ref).filter((_, position) => {
      const item = items[position];
      return item !== undefined && adviceFits(item, incidentTypes);
    }),
  };
}
