// The SOP engine: pure and deterministic, no I/O. See README.md for the formats and merge semantics.
export { adviceFits } from "./advice.ts";
export { adviceUrgencies, type AdviceUrgency } from "./catalogue/advice.ts";
export { agencyTypes, isKnownAgencyType, type AgencyTypeCode } from "./catalogue/agency-types.ts";
export { incidentFlags, severities, type IncidentFlag, type Severity } from "./catalogue/flags.ts";
export {
  incidentTypes,
  type IncidentSubtype,
  type IncidentType,
} from "./catalogue/incident-types.ts";
export {
  officialRoles,
  isKnownOfficialRole,
  type OfficialRoleCode,
} from "./catalogue/officials.ts";
export { priorities, type Priority } from "./catalogue/priority.ts";
export { taxonomyWith, type Taxonomy } from "./catalogue/taxonomy.ts";
export {
  compileRuleset,
  isCompiledRuleset,
  type CompiledRuleset,
  type CompileResult,
} from "./compile.ts";
export type { ConditionParams } from "./condition-params.ts";
export { typePatternsOf, type ConditionCheck, type ConditionName } from "./conditions.ts";
export {
  coverageMatrix,
  type CoverageCell,
  type CoverageMatrix,
  type CoverageResult,
  type CoverageRow,
  type CoverageSource,
  type CoverageState,
  type CoveringAgency,
} from "./coverage.ts";
export {
  evaluate,
  type DispatchedAgency,
  type DispatchPlan,
  type EvaluateOptions,
  type EvaluationResult,
  type EvaluationTrace,
  type RuleOutcome,
  type RuleTrace,
} from "./evaluate.ts";
export type {
  AgencyAbsence,
  CustomCheck,
  FindingParams,
  NeverMatchesParams,
  SchemaParams,
} from "./finding-params.ts";
export {
  findingCodes,
  hasErrors,
  type Finding,
  type FindingCode,
  type FindingDocument,
  type FindingLevel,
} from "./findings.ts";
export { chooseLead, type LeadDecision, type LeadReason } from "./lead.ts";
export type { LocalTime } from "./local-time.ts";
export {
  mergeFragments,
  targetKey,
  type AgencyContribution,
  type AgencyRole,
  type PlanFragment,
  type PlannedAdvice,
  type PlannedAgency,
  type PlannedStep,
  type PlannedText,
  type PriorityDecision,
  type RuleRef,
} from "./merge.ts";
export {
  momentExample,
  momentMessage,
  momentSchema,
  parseMoment,
  type MomentProblem,
  type ParsedMoment,
} from "./moment.ts";
export {
  diffPlans,
  type AgencyDiff,
  type AgencyTerms,
  type KeyedDiff,
  type PlanChange,
  type PlanDiff,
} from "./plan-diff.ts";
export { prepareAgencies, resolveAgency, type Resolution, type ResolvedAgency } from "./resolve.ts";
export {
  validationContextSchema,
  type RegionAgency,
  type ValidationContext,
} from "./schema/context.ts";
export { incidentSchema, type Incident } from "./schema/incident.ts";
export { rulesetJsonSchema } from "./schema/json-schema.ts";
export {
  rulesetFormat,
  rulesetSchema,
  type AdviceItem,
  type AgencyAction,
  type AgencyTarget,
  type Conditions,
  type EscalationStep,
  type Fallback,
  type Rule,
  type Ruleset,
  type RulesetInput,
} from "./schema/ruleset.ts";
export { nationalTemplate } from "./template/national.ts";
export {
  runTestCase,
  runTestCases,
  testCaseSchema,
  testFailureCodes,
  type TestCase,
  type TestCaseInput,
  type TestCaseResult,
  type TestFailure,
  type TestFailureCode,
  type TestFailureParams,
  type TestRun,
} from "./test-cases.ts";
export { ackDeadlineRange, escalationRange, p1AckTargetMinutes } from "./validate/deadlines.ts";
export { validateRuleset, type ValidationResult } from "./validate/index.ts";
