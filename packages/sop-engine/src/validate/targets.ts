import type { PathSegment } from "../findings.ts";
import type { AgencyTarget, Rule } from "../schema/ruleset.ts";

export interface LocatedTarget {
  readonly target: AgencyTarget;
  /** Path from the rule to the target object. */
  readonly path: readonly PathSegment[];
}

/** Every agency a rule names: dispatched ones and those in escalation steps. */
export function targetsOf(rule: Rule): LocatedTarget[] {
  const located: LocatedTarget[] = [];
  rule.then.agencies?.forEach((agency, index) =>
    located.push({ target: agency, path: ["then", "agencies", index] }),
  );
  rule.then.escalation?.forEach((step, index) => {
    if (step.for !== undefined)
      located.push({ target: step.for, path: ["then", "escalation", index, "for"] });
    if (step.action === "notify_backup_agency") {
      located.push({ target: step.backup, path: ["then", "escalation", index, "backup"] });
    }
  });
  return located;
}
