import type { CompiledRule } from "./compile.ts";
import { adviceItems, type PlanFragment } from "./merge.ts";
import type { AdviceItem } from "./schema/ruleset.ts";

/**
 * Whether advice may be said for an incident whose kinds match `typePatterns` (see
 * `typePatternsOf`): an item without `forTypes` always, otherwise when any of its patterns is among
 * them. The same matching as `when.types`, so an incident without a subtype fits only `<type>.*` —
 * "leave the building" is not said about a fire until the operator knows it is a building that burns.
 */
export function adviceFits(
  item: Pick<AdviceItem, "forTypes">,
  typePatterns: ReadonlySet<string>,
): boolean {
  const patterns = item.forTypes;
  return patterns === undefined || patterns.some((pattern) => typePatterns.has(pattern));
}

/** The rule's contribution without the advice that does not fit the incident. */
export function withFittingAdvice(
  rule: CompiledRule,
  typePatterns: ReadonlySet<string>,
): PlanFragment {
  const items = rule.rule.then.advice ?? [];
  if (items.every((item) => adviceFits(item, typePatterns))) return rule.fragment;
  const ref = { ruleId: rule.rule.id, ruleIndex: rule.index };
  return {
    ...rule.fragment,
    advice: adviceItems(items, ref).filter((_, position) => {
      const item = items[position];
      return item !== undefined && adviceFits(item, typePatterns);
    }),
  };
}
