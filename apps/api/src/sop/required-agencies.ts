import { nationalTemplate, rulesetSchema } from "@sigap/sop-engine";

/**
 * Agency types a ruleset dispatches as primary: the region needs a reachable agency of each before
 * going live. A ruleset that does not parse (a broken draft) requires what the national template does.
 */
export function primaryAgencyTypes(ruleset: unknown): string[] {
  const parsed = rulesetSchema.safeParse(ruleset);
  const rules = parsed.success ? parsed.data.rules : rulesetSchema.parse(nationalTemplate).rules;
  const types = rules.flatMap((rule) => (rule.then.agencies ?? []).flatMap((action) => (action.role === "primary" && "agencyType" in action ? [action.agencyType] : [])));
  return [...new Set(types)].sort();
}
