import { incidentTypes } from "../catalogue/incident-types.ts";
import type { CompiledRule } from "../compile.ts";
import type { Finding } from "../findings.ts";
import { targetKey } from "../merge.ts";
import type { Rule } from "../schema/ruleset.ts";
import { rulesetFinding, type Check } from "./check.ts";
import { conditionsImply, summarise, type ConditionSummary } from "./condition-logic.ts";
import { edgesOnCycles } from "./graph.ts";

/**
 * Backup chains that lead back to an agency already waited on would page the same silent agencies
 * in turn forever and never reach a person who can act.
 */
export const checkEscalationLoops: Check = ({ compiled }) => {
  const edges: { from: string; to: string; payload: Finding }[] = [];
  compiled.ruleset.rules.forEach((rule, index) => {
    rule.then.escalation?.forEach((step, stepIndex) => {
      if (step.action !== "notify_backup_agency") return;
      const from = targetKey(step.for);
      const to = targetKey(step.backup);
      const path = ["rules", index, "then", "escalation", stepIndex];
      edges.push({
        from,
        to,
        payload:
          from === to
            ? rulesetFinding(
                "error",
                "escalation_loop",
                path,
                `The backup for ${from} is ${from} itself.`,
                { reason: "self", agency: from },
                rule.id,
              )
            : rulesetFinding(
                "error",
                "escalation_loop",
                path,
                `Backing up ${from} with ${to} leads back to ${from} through other backup steps.`,
                { reason: "cycle", agency: from, backup: to },
                rule.id,
              ),
      });
    });
  });
  return edgesOnCycles(edges);
};

export const checkEscalationTiming: Check = ({ compiled }) => {
  const { ruleset } = compiled;
  const dispatched = new Set(
    ruleset.rules.flatMap((rule) => (rule.then.agencies ?? []).map((agency) => targetKey(agency))),
  );
  const findings: Finding[] = [];
  ruleset.rules.forEach((rule, index) => {
    const ackByTarget = new Map(
      (rule.then.agencies ?? []).map((agency) => [
        targetKey(agency),
        agency.ackWithinMinutes ?? ruleset.defaults.ackWithinMinutes,
      ]),
    );
    const earliestAck = Math.min(...ackByTarget.values());
    rule.then.escalation?.forEach((step, stepIndex) => {
      const path = ["rules", index, "then", "escalation", stepIndex];
      const forKey = step.for === undefined ? undefined : targetKey(step.for);
      if (forKey !== undefined && !dispatched.has(forKey)) {
        findings.push(
          rulesetFinding(
            "warning",
            "escalation_target_never_dispatched",
            [...path, "for"],
            `No rule dispatches ${forKey}, so this step never runs.`,
            { agency: forKey },
            rule.id,
          ),
        );
      }
      const deadline = forKey === undefined ? earliestAck : ackByTarget.get(forKey);
      if (deadline !== undefined && Number.isFinite(deadline) && step.afterMinutes < deadline) {
        findings.push(
          rulesetFinding(
            "warning",
            "escalation_before_deadline",
            [...path, "afterMinutes"],
            `This step runs after ${step.afterMinutes} minutes, before the ${deadline}-minute acknowledgement deadline.`,
            { afterMinutes: step.afterMinutes, deadlineMinutes: deadline },
            rule.id,
          ),
        );
      }
    });
  });
  return findings;
};

/** The agencies a rule's steps wait on; `any` when a step has no `for` (it waits on every one). */
function waitedOn(rule: Rule): { readonly any: boolean; readonly keys: ReadonlySet<string> } {
  const steps = rule.then.escalation ?? [];
  return {
    any: steps.some((step) => step.for === undefined),
    keys: new Set(steps.flatMap((step) => (step.for === undefined ? [] : [targetKey(step.for)]))),
  };
}

const nationalP1Types = new Set(
  incidentTypes.filter((type) => type.nationalPriority === "P1").map((type) => type.code),
);

/** The rule sets P1 or names a type that can be P1 nationally (see `checkP1Coverage`). */
function lifeThreatening(rule: Rule): boolean {
  return (
    rule.then.priority === "P1" ||
    (rule.when.types?.some((pattern) =>
      nationalP1Types.has(pattern.slice(0, pattern.indexOf("."))),
    ) ??
      false)
  );
}

/**
 * A primary agency that does not acknowledge must be noticed by a step, not by chance: a step that
 * waits on it (`for` is this agency) or on any agency (no `for`), in the same rule or in another
 * enabled rule that matches whenever this one does, so the step is in every plan the dispatch is.
 * "Whenever" is the implication `shadowed_rule` uses (sound, not complete); suppression is not
 * considered. An error when the incident can be life-threatening (the rule sets P1 or names a type
 * that is nationally P1), a warning otherwise.
 */
export const checkPrimaryEscalation: Check = ({ compiled }) => {
  const findings: Finding[] = [];
  const summaries = new Map<CompiledRule, ConditionSummary>();
  const summaryOf = (rule: CompiledRule) => {
    let summary = summaries.get(rule);
    if (summary === undefined) {
      summary = summarise(rule.rule.when);
      summaries.set(rule, summary);
    }
    return summary;
  };
  const escalating = new Map(
    compiled.rules
      .filter((rule) => rule.rule.enabled && (rule.rule.then.escalation?.length ?? 0) > 0)
      .map((rule) => [rule, waitedOn(rule.rule)]),
  );
  for (const rule of compiled.rules) {
    if (!rule.rule.enabled) continue;
    const own = escalating.get(rule);
    if (own?.any === true) continue;
    const reported = new Set<string>();
    rule.rule.then.agencies?.forEach((agency, agencyIndex) => {
      const key = targetKey(agency);
      if (agency.role !== "primary" || own?.keys.has(key) === true || reported.has(key)) return;
      reported.add(key);
      // Rules implied by this one name its type or no type, so the type index holds them all.
      const firstPattern = rule.rule.when.types?.[0];
      const pool =
        firstPattern === undefined
          ? compiled.rules
          : compiled.candidatesFor(firstPattern.slice(0, firstPattern.indexOf(".")));
      const covered = pool.some((other) => {
        const waits = escalating.get(other);
        return (
          other !== rule &&
          waits !== undefined &&
          (waits.any || waits.keys.has(key)) &&
          conditionsImply(summaryOf(rule), summaryOf(other))
        );
      });
      if (covered) return;
      const life = lifeThreatening(rule.rule);
      findings.push(
        rulesetFinding(
          life ? "error" : "warning",
          "primary_without_escalation",
          ["rules", rule.index, "then", "agencies", agencyIndex],
          `Nothing happens when ${key} does not acknowledge${life ? " a possibly life-threatening incident" : ""}: add an escalation step for it (or one without \`for\`) to this rule or to a rule that matches whenever this one does.`,
          { agency: key, lifeThreatening: life },
          rule.rule.id,
        ),
      );
    });
  }
  return findings;
};
