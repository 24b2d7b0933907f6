import type { Finding } from "../findings.ts";
import { rulesetFinding, type Check } from "./check.ts";

/** The same key with different words across rules: the plan shows only the earliest rule's text. */
export const checkConflictingTexts: Check = ({ compiled }) => {
  const findings: Finding[] = [];
  for (const list of ["checklist", "advice"] as const) {
    const firstText = new Map<string, { text: string; ruleId: string }>();
    compiled.ruleset.rules.forEach((rule, index) => {
      rule.then[list]?.forEach((item, itemIndex) => {
        const first = firstText.get(item.key);
        if (first === undefined) firstText.set(item.key, { text: item.text, ruleId: rule.id });
        else if (first.text !== item.text) {
          findings.push(
            rulesetFinding(
              "warning",
              "conflicting_text",
              ["rules", index, "then", list, itemIndex, "text"],
              `Rule "${first.ruleId}" words ${list} item "${item.key}" differently; its text wins when both match.`,
              { list, key: item.key, ruleId: first.ruleId },
              rule.id,
            ),
          );
        }
      });
    });
  }
  return findings;
};
