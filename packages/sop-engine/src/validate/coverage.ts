import { incidentTypes } from "../catalogue/incident-types.ts";
import type { CompiledRule } from "../compile.ts";
import { conditionNames } from "../conditions.ts";
import type { Finding } from "../findings.ts";
import type { Conditions } from "../schema/ruleset.ts";
import { rulesetFinding, type Check } from "./check.ts";

function onlyTypeCondition(when: Conditions): boolean {
  return conditionNames.every((name) => name === "types" || when[name] === undefined);
}

function dispatches(rule: CompiledRule): boolean {
  return rule.rule.enabled && rule.fragment.agencies.length > 0;
}

/**
 * Every type that can be life-threatening must get agencies whatever the details: a rule whose only
 * condition is `<type>.*` (or none). Rules that cover only some cases are reported as a warning.
 */
export const checkP1Coverage: Check = ({ compiled }) => {
  const findings: Finding[] = [];
  for (const type of incidentTypes) {
    if (type.nationalPriority !== "P1") continue;
    const candidates = compiled.candidatesFor(type.code).filter(dispatches);
    const unconditional = candidates.some(
      (rule) =>
        onlyTypeCondition(rule.rule.when) &&
        (rule.rule.when.types === undefined || rule.rule.when.types.includes(`${type.code}.*`)),
    );
    if (unconditional) continue;
    findings.push(
      candidates.length === 0
        ? rulesetFinding(
            "error",
            "uncovered_p1_type",
            ["rules"],
            `No rule dispatches any agency for ${type.code} (${type.name}), a P1 incident type.`,
          )
        : rulesetFinding(
            "warning",
            "conditionally_covered_p1_type",
            ["rules"],
            `Only some ${type.code} incidents get agencies; add a rule for '${type.code}.*' without other conditions.`,
          ),
    );
  }
  return findings;
};
