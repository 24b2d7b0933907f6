import type { Finding } from "../findings.ts";
import { rulesetFinding, type Check } from "./check.ts";

/**
 * An acknowledgement deadline beyond an hour is no deadline for an emergency; an escalation after
 * four hours no longer escalates anything. Both are almost always a unit mistake (seconds, hours).
 */
export const ackDeadlineRange = { min: 1, max: 60 } as const;
export const escalationRange = { min: 1, max: 240 } as const;
/** The national response-time target; a P1 primary agency must acknowledge well within it. */
export const p1AckTargetMinutes = 15;

function outOfRange(
  minutes: number,
  range: { readonly min: number; readonly max: number },
): boolean {
  return minutes < range.min || minutes > range.max;
}

export const checkDeadlines: Check = ({ compiled }) => {
  const { ruleset } = compiled;
  const findings: Finding[] = [];
  if (outOfRange(ruleset.defaults.ackWithinMinutes, ackDeadlineRange)) {
    findings.push(
      rulesetFinding(
        "error",
        "deadline_out_of_range",
        ["defaults", "ackWithinMinutes"],
        `The default acknowledgement deadline must be ${ackDeadlineRange.min}-${ackDeadlineRange.max} minutes.`,
        {
          reason: "default_ack",
          minutes: ruleset.defaults.ackWithinMinutes,
          ...ackDeadlineRange,
        },
      ),
    );
  }
  ruleset.rules.forEach((rule, index) => {
    rule.then.agencies?.forEach((agency, agencyIndex) => {
      if (agency.ackWithinMinutes === undefined) return;
      const path = ["rules", index, "then", "agencies", agencyIndex, "ackWithinMinutes"];
      if (outOfRange(agency.ackWithinMinutes, ackDeadlineRange)) {
        findings.push(
          rulesetFinding(
            "error",
            "deadline_out_of_range",
            path,
            `Acknowledgement deadlines must be ${ackDeadlineRange.min}-${ackDeadlineRange.max} minutes.`,
            { reason: "ack", minutes: agency.ackWithinMinutes, ...ackDeadlineRange },
            rule.id,
          ),
        );
      }
    });
    const effectiveAck = (rule.then.agencies ?? []).map(
      (agency) => agency.ackWithinMinutes ?? ruleset.defaults.ackWithinMinutes,
    );
    rule.then.agencies?.forEach((agency, agencyIndex) => {
      const ack = effectiveAck[agencyIndex] ?? 0;
      if (
        rule.then.priority === "P1" &&
        agency.role === "primary" &&
        ack > p1AckTargetMinutes &&
        !outOfRange(ack, ackDeadlineRange)
      ) {
        findings.push(
          rulesetFinding(
            "warning",
            "slow_p1_deadline",
            ["rules", index, "then", "agencies", agencyIndex],
            `A P1 primary agency given ${ack} minutes to acknowledge cannot meet the ${p1AckTargetMinutes}-minute response target.`,
            { minutes: ack, targetMinutes: p1AckTargetMinutes },
            rule.id,
          ),
        );
      }
    });
    rule.then.escalation?.forEach((step, stepIndex) => {
      if (outOfRange(step.afterMinutes, escalationRange)) {
        findings.push(
          rulesetFinding(
            "error",
            "deadline_out_of_range",
            ["rules", index, "then", "escalation", stepIndex, "afterMinutes"],
            `Escalation steps must come ${escalationRange.min}-${escalationRange.max} minutes after dispatch.`,
            { reason: "escalation", minutes: step.afterMinutes, ...escalationRange },
            rule.id,
          ),
        );
      }
    });
  });
  return findings;
};
