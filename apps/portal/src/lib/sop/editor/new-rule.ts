import type { RuleInput } from "./types.ts";

/** A fresh rule with an id no other rule has, starting from the commonest case (a fire, Damkar) to edit from. */
export function newRule(existingIds: readonly string[], name: string): RuleInput {
  let number = existingIds.length + 1;
  while (existingIds.includes(`local.rule-${String(number)}`)) number += 1;
  return {
    id: `local.rule-${String(number)}`,
    name,
    when: { types: ["fire.*"] },
    then: { agencies: [{ agencyType: "damkar", role: "primary" }] },
  };
}
