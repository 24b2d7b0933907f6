import type { PlainKey } from "#lib/i18n/index.ts";
import type { ChecklistKey } from "./types.ts";

/** Each go-live item's name and the rule it checks, in the page's language. */
export const checklistLabels: Record<ChecklistKey, { title: PlainKey; rule: PlainKey }> = {
  branding: { title: "onboarding.check.branding", rule: "onboarding.check.brandingRule" },
  trunk: { title: "onboarding.check.trunk", rule: "onboarding.check.trunkRule" },
  agencies: { title: "onboarding.check.agencies", rule: "onboarding.check.agenciesRule" },
  operators: { title: "onboarding.check.operators", rule: "onboarding.check.operatorsRule" },
  supervisor: { title: "onboarding.check.supervisor", rule: "onboarding.check.supervisorRule" },
  sop: { title: "onboarding.check.sop", rule: "onboarding.check.sopRule" },
};
