import { nationalTemplate, rulesetSchema, type Rule } from "@sigap/sop-engine";

function primaryTypesOf(rules: readonly Rule[]): string[] {
  const types = rules.flatMap((rule) =>
    (rule.then.agencies ?? []).flatMap((action) =>
      action.role === "primary" && "agencyType" in action ? [action.agencyType] : [],
    ),
  );
  return [...new Set(types)].sort();
}

/** What the national template dispatches as primary: what a region starting from it needs. */
export const templatePrimaryAgencyTypes = primaryTypesOf(
  rulesetSchema.parse(nationalTemplate).rules,
);

/**
 * Agency types a ruleset dispatches as primary: the region needs a reachable agency of each before
 * going live. A ruleset that does not parse (a broken draft) requires what the national template does.
 */
export function primaryAgencyTypes(ruleset: unknown): string[] {
  const parsed = rulesetSchema.safeParse(ruleset);
  return parsed.success ? primaryTypesOf(parsed.data.rules) : templatePrimaryAgencyTypes;
}
