// Builders shared by the tests: a rule or ruleset with only the parts a test cares about.
import { rulesetFormat, type RulesetInput } from "./schema/ruleset.ts";

type RuleInput = RulesetInput["rules"][number];

export function rule(
  id: string,
  when: RuleInput["when"],
  then: RuleInput["then"],
  extra: Partial<RuleInput> = {},
): RuleInput {
  return { id, name: id, when, then, ...extra };
}

export function ruleset(rules: RuleInput[], overrides: Partial<RulesetInput> = {}): RulesetInput {
  return {
    format: rulesetFormat,
    name: "test",
    timeZone: "Asia/Jakarta",
    defaults: { priority: "P3", ackWithinMinutes: 10 },
    rules,
    ...overrides,
  };
}

/** 2025-06-02 is a Monday; 03:00 UTC is 10:00 in Jakarta (WIB, UTC+7). */
export const mondayMorning = new Date("2025-06-02T03:00:00Z");
