import type { Finding, RulesetInput } from "@sigap/sop-engine";
import type { Translator } from "#lib/i18n/index.ts";
import { isRecord } from "../json.ts";
import type { TypeOption } from "../lab/catalogue.ts";
import type { District, TenantAgency } from "../lab/types.ts";

export type RuleInput = RulesetInput["rules"][number];
export type ConditionsInput = RuleInput["when"];
export type ActionsInput = RuleInput["then"];
export type AgencyActionInput = NonNullable<ActionsInput["agencies"]>[number];
export type EscalationStepInput = NonNullable<ActionsInput["escalation"]>[number];
export type TextItemInput = NonNullable<ActionsInput["checklist"]>[number];
export type AgencyTargetInput = { agencyType: string } | { agencyId: string };

/** What the editor knows of the tenant: its agencies (for rules naming one) and kecamatan. */
export interface TenantReferences {
  agencies: readonly TenantAgency[];
  districts: readonly District[];
}

/** The tenant's references and the incident types a rule may name: national, then the ruleset's own. */
export interface EditorReferences extends TenantReferences {
  types: readonly TypeOption[];
}

/**
 * Whether the form can show a ruleset: the shape it walks (rules with `when` and `then` objects,
 * defaults) must be there. Anything else — a half-typed JSON edit — stays in the JSON view, where
 * validation says what is wrong.
 */
export function isFormEditable(value: unknown): value is RulesetInput {
  return (
    isRecord(value) &&
    isRecord(value.defaults) &&
    Array.isArray(value.rules) &&
    value.rules.every((rule) => isRecord(rule) && isRecord(rule.when) && isRecord(rule.then))
  );
}

/** What the parts of a rule card that edit its actions (agencies, escalation) are given. */
export interface ActionsPartProps {
  i18n: Translator;
  /** The rule's `then`, edited in place. */
  then: ActionsInput;
  ruleIndex: number;
  references: EditorReferences;
  /** Ruleset findings by path, for the messages under each field. */
  byPath: Map<string, Finding[]>;
}
