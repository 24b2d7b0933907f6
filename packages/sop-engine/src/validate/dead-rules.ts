import { priorityRank } from "../catalogue/priority.ts";
import type { CompiledRule } from "../compile.ts";
import type { Finding } from "../findings.ts";
import type { PlanFragment } from "../merge.ts";
import { rulesetFinding, type Check, type CheckInput } from "./check.ts";
import {
  conditionsImply,
  contradictions,
  summarise,
  type Contradiction,
} from "./condition-logic.ts";

function outsideRegion(rule: CompiledRule, input: CheckInput): Contradiction[] {
  const codes = input.context.kecamatanCodes;
  const wanted = rule.rule.when.kecamatan?.in;
  if (codes === undefined || wanted === undefined) return [];
  const region = new Set(codes);
  return wanted.some((code) => region.has(code))
    ? []
    : [
        {
          path: ["kecamatan", "in"],
          reason: "no kecamatan in `in` belongs to this region",
          params: { reason: "kecamatan_outside_region" },
        },
      ];
}

function neverMatching(input: CheckInput): Map<CompiledRule, Contradiction[]> {
  const found = new Map<CompiledRule, Contradiction[]>();
  for (const rule of input.compiled.rules) {
    if (!rule.rule.enabled) continue;
    const reasons = [...contradictions(rule.rule.when), ...outsideRegion(rule, input)];
    if (reasons.length > 0) found.set(rule, reasons);
  }
  return found;
}

/** Whether `specific` adds nothing to a plan that already holds everything in `general`. */
function subsumed(specific: PlanFragment, general: readonly PlanFragment[]): boolean {
  if (specific.priority !== null) {
    const wanted = priorityRank(specific.priority.value);
    if (
      !general.some(
        (fragment) => fragment.priority !== null && priorityRank(fragment.priority.value) <= wanted,
      )
    )
      return false;
  }
  for (const agency of specific.agencies) {
    let primary = false;
    let tightest = Infinity;
    for (const fragment of general) {
      for (const candidate of fragment.agencies) {
        if (candidate.key !== agency.key) continue;
        primary ||= candidate.role === "primary";
        tightest = Math.min(tightest, candidate.ackWithinMinutes);
      }
    }
    if ((agency.role === "primary" && !primary) || tightest > agency.ackWithinMinutes) return false;
  }
  const covered = (pick: (fragment: PlanFragment) => readonly { readonly key: string }[]) =>
    pick(specific).every((item) =>
      general.some((fragment) => pick(fragment).some((candidate) => candidate.key === item.key)),
    );
  return (
    covered((fragment) => fragment.escalation) &&
    covered((fragment) => fragment.checklist) &&
    covered((fragment) => fragment.advice)
  );
}

function ruleIds(rules: readonly CompiledRule[]): string {
  const shown = rules.slice(0, 5).map((rule) => `"${rule.rule.id}"`);
  return rules.length > 5 ? `${shown.join(", ")} and ${rules.length - 5} more` : shown.join(", ");
}

/** Rules that can match only together with more general ones (same type first, then the rest). */
function moreGeneralPool(rule: CompiledRule, input: CheckInput): readonly CompiledRule[] {
  const firstPattern = rule.rule.when.types?.[0];
  return firstPattern === undefined
    ? input.compiled.rules
    : input.compiled.candidatesFor(firstPattern.slice(0, firstPattern.indexOf(".")));
}

/**
 * A rule is dead when it can never match, when a rule that matches whenever it does suppresses it,
 * or when the rules that match whenever it does already plan everything it would add.
 */
export const checkDeadRules: Check = (input) => {
  const never = neverMatching(input);
  const findings: Finding[] = [];
  for (const [rule, reasons] of never) {
    for (const { path, reason, params } of reasons) {
      findings.push(
        rulesetFinding(
          "warning",
          "never_matches",
          ["rules", rule.index, "when", ...path],
          `This rule never matches: ${reason}.`,
          params,
          rule.rule.id,
        ),
      );
    }
  }
  const suppressed = new Set(input.compiled.rules.flatMap((rule) => rule.rule.suppresses ?? []));
  const summaries = new Map(input.compiled.rules.map((rule) => [rule, summarise(rule.rule.when)]));
  const implies = (specific: CompiledRule, general: CompiledRule) => {
    const r = summaries.get(specific);
    const s = summaries.get(general);
    return r !== undefined && s !== undefined && conditionsImply(r, s);
  };
  for (const rule of input.compiled.rules) {
    if (!rule.rule.enabled || never.has(rule)) continue;
    const pool = moreGeneralPool(rule, input).filter(
      (other) => other !== rule && other.rule.enabled && !never.has(other) && implies(rule, other),
    );
    const suppressors = pool.filter(
      (other) => other.rule.suppresses?.includes(rule.rule.id) === true,
    );
    if (suppressors.length > 0) {
      findings.push(
        rulesetFinding(
          "warning",
          "shadowed_rule",
          ["rules", rule.index],
          `This rule never contributes: ${ruleIds(suppressors)} match whenever it does and suppress it.`,
          { reason: "suppressed", rules: suppressors.map((other) => other.rule.id) },
          rule.rule.id,
        ),
      );
      continue;
    }
    // A rule that suppresses others has an effect even when its own actions are covered.
    if (rule.rule.suppresses !== undefined) continue;
    const covering = pool.filter(
      (other) =>
        !suppressed.has(other.rule.id) &&
        // Of two rules with equivalent conditions, only the later one is reported.
        !(other.index > rule.index && implies(other, rule)),
    );
    if (
      covering.length > 0 &&
      subsumed(
        rule.fragment,
        covering.map((other) => other.fragment),
      )
    ) {
      findings.push(
        rulesetFinding(
          "warning",
          "shadowed_rule",
          ["rules", rule.index],
          `This rule adds nothing: ${ruleIds(covering)} match whenever it does and already plan all it asks for.`,
          { reason: "subsumed", rules: covering.map((other) => other.rule.id) },
          rule.rule.id,
        ),
      );
    }
  }
  return findings;
};
