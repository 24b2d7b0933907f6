import { compileRuleset } from "../compile.ts";
import { hasErrors, schemaFindings, type Finding } from "../findings.ts";
import { validationContextSchema, type ParsedValidationContext } from "../schema/context.ts";
import type { Check } from "./check.ts";
import { checkAgencyCoverage, checkP1Coverage } from "./coverage.ts";
import { checkDeadRules } from "./dead-rules.ts";
import { checkDeadlines } from "./deadlines.ts";
import {
  checkEscalationLoops,
  checkEscalationTiming,
  checkPrimaryEscalation,
} from "./escalation.ts";
import {
  checkAgencies,
  checkContextAgencyTypes,
  checkIncidentPatterns,
  checkKecamatan,
  checkLocalSubtypes,
  checkOfficials,
  checkRuleIds,
  checkSuppressions,
  checkTimeZone,
} from "./references.ts";
import { checkConflictingTexts } from "./texts.ts";

export interface ValidationResult {
  /** No errors: the ruleset may be published. Warnings are allowed. */
  readonly ok: boolean;
  readonly findings: readonly Finding[];
}

const checks: readonly Check[] = [
  checkRuleIds,
  checkLocalSubtypes,
  checkIncidentPatterns,
  checkAgencies,
  checkContextAgencyTypes,
  checkOfficials,
  checkKecamatan,
  checkTimeZone,
  checkSuppressions,
  checkDeadlines,
  checkEscalationLoops,
  checkEscalationTiming,
  checkPrimaryEscalation,
  checkDeadRules,
  checkP1Coverage,
  checkAgencyCoverage,
  checkConflictingTexts,
];

/**
 * Checks a ruleset against the schema and the tenant it is meant for. Never throws: any JSON value
 * yields findings. An invalid context is reported and the checks that need it are skipped.
 */
export function validateRuleset(ruleset: unknown, context: unknown = {}): ValidationResult {
  const parsedContext = validationContextSchema.safeParse(context ?? {});
  const contextFindings = parsedContext.success
    ? []
    : schemaFindings(parsedContext.error, "context");
  const usableContext: ParsedValidationContext = parsedContext.success ? parsedContext.data : {};
  const compiled = compileRuleset(ruleset);
  if (!compiled.ok) return { ok: false, findings: [...contextFindings, ...compiled.findings] };
  const findings = [
    ...contextFindings,
    ...checks.flatMap((check) => check({ compiled: compiled.compiled, context: usableContext })),
  ];
  return { ok: !hasErrors(findings), findings };
}
