import type { Finding } from "../findings.ts";
import { targetKey } from "../merge.ts";
import { rulesetFinding, type Check } from "./check.ts";
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
      const message =
        from === to
          ? `The backup for ${from} is ${from} itself.`
          : `Backing up ${from} with ${to} leads back to ${from} through other backup steps.`;
      edges.push({
        from,
        to,
        payload: rulesetFinding(
          "error",
          "escalation_loop",
          ["rules", index, "then", "escalation", stepIndex],
          message,
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
            rule.id,
          ),
        );
      }
    });
  });
  return findings;
};
