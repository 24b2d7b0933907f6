import { withFittingAdvice } from "./advice.ts";
import type { Priority } from "./catalogue/priority.ts";
import { compileRuleset, type CompiledRule, type CompiledRuleset } from "./compile.ts";
import { checkConditions, Facts, ruleMatches, type ConditionCheck } from "./conditions.ts";
import { schemaFindings, type Finding } from "./findings.ts";
import type { LocalTime } from "./local-time.ts";
import {
  mergeFragments,
  type PlannedAdvice,
  type PlannedAgency,
  type PlannedStep,
  type PlannedText,
  type RuleRef,
} from "./merge.ts";
import { chooseLead, type LeadDecision } from "./lead.ts";
import { prepareAgencies, resolveAgency, type Resolution } from "./resolve.ts";
import type { RegionAgency } from "./schema/context.ts";
import { incidentSchema, type Incident } from "./schema/incident.ts";

export interface EvaluateOptions {
  /** The moment the plan is made for; time conditions and absolute deadlines derive from it. */
  readonly now: Date;
  /** Also trace rules that did not match, with every failing condition. */
  readonly explainNonMatches?: boolean;
  /**
   * The region's agencies: when given, every plan line is resolved to them (see `resolveAgency`).
   * Checked on every call, unless they come from `prepareAgencies`.
   */
  readonly agencies?: readonly RegionAgency[];
}

export interface DispatchedAgency extends PlannedAgency {
  readonly ackDeadline: string;
  /** The one agency that leads the scene; every other agency supports it. */
  readonly lead: boolean;
  /** Present when the region's agencies were given. */
  readonly resolution?: Resolution;
}

export interface DispatchPlan {
  readonly priority: Priority;
  /** The rules that set the priority; empty when it is the ruleset default. */
  readonly priorityFrom: readonly RuleRef[];
  /** The lead first, then primaries, then by deadline. */
  readonly agencies: readonly DispatchedAgency[];
  /** Which agency leads and why; null when no agency is primary. */
  readonly lead: LeadDecision | null;
  readonly escalation: readonly (PlannedStep & { readonly due: string })[];
  readonly checklist: readonly PlannedText[];
  readonly advice: readonly PlannedAdvice[];
}

export type RuleOutcome = "matched" | "suppressed" | "not_matched" | "disabled";

export interface RuleTrace {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly outcome: RuleOutcome;
  /** Empty for a rule without conditions (it matches everything) and for disabled rules. */
  readonly conditions: readonly ConditionCheck[];
  readonly suppressedBy?: readonly string[];
}

export interface EvaluationTrace {
  /** `now` in UTC. */
  readonly at: string;
  readonly localTime: LocalTime;
  /** Matched and suppressed rules, plus every other rule when non-matches are explained; ruleset order. */
  readonly rules: readonly RuleTrace[];
}

export type EvaluationResult =
  | {
      readonly ok: true;
      readonly plan: DispatchPlan;
      readonly trace: EvaluationTrace;
      /** Warnings only, e.g. no rule matched: the operator dispatches by hand and must be told. */
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly findings: readonly Finding[] };

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function readOptions(options: unknown): { options: EvaluateOptions } | { findings: Finding[] } {
  const record: Record<string, unknown> =
    typeof options === "object" && options !== null ? (options as Record<string, unknown>) : {};
  const { now, explainNonMatches, agencies } = record;
  const findings: Finding[] = [];
  const region = agencies === undefined ? undefined : prepareAgencies(agencies);
  if (region?.ok === false) findings.push(...region.findings);
  if (!isValidDate(now)) {
    findings.push({
      level: "error",
      code: "schema",
      document: "options",
      path: "$.now",
      message: "`now` must be a valid Date.",
      params: { issue: "invalid_type", expected: "date" },
    });
  }
  if (explainNonMatches !== undefined && typeof explainNonMatches !== "boolean") {
    findings.push({
      level: "error",
      code: "schema",
      document: "options",
      path: "$.explainNonMatches",
      message: "`explainNonMatches` must be a boolean.",
      params: { issue: "invalid_type", expected: "boolean" },
    });
  }
  if (findings.length > 0 || !isValidDate(now) || region?.ok === false) return { findings };
  return {
    options: {
      now,
      explainNonMatches: explainNonMatches === true,
      ...(region === undefined ? {} : { agencies: region.agencies }),
    },
  };
}

function addMinutes(now: Date, minutes: number): string {
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

/**
 * Kinds the catalogue does not know are evaluated anyway (an unusual call must still get a plan),
 * with a warning. `written` is the incident as given, so the path points where the author wrote it.
 */
function incidentFindings(
  incident: Incident,
  written: unknown,
  compiled: CompiledRuleset,
): Finding[] {
  const { taxonomy } = compiled;
  const compound = typeof written === "object" && written !== null && "types" in written;
  return incident.types.flatMap((kind, index): Finding[] => {
    const at = compound ? `$.types[${String(index)}].` : "$.";
    if (!taxonomy.hasType(kind.type)) {
      return [
        {
          level: "warning",
          code: "unknown_incident_type",
          document: "incident",
          path: `${at}type`,
          message: `"${kind.type}" is not in the incident catalogue; only rules without a type condition can match.`,
          params: { reason: "unlisted_type", type: kind.type },
        },
      ];
    }
    if (kind.subtype !== undefined && !taxonomy.hasSubtype(kind.subtype)) {
      return [
        {
          level: "warning",
          code: "unknown_incident_type",
          document: "incident",
          path: `${at}subtype`,
          message: `"${kind.subtype}" is neither a national nor a local subtype; only '${kind.type}.*' patterns match it.`,
          params: { reason: "unlisted_subtype", type: kind.type, subtype: kind.subtype },
        },
      ];
    }
    return [];
  });
}

/** Rules that can match an incident of any of these kinds, once each, in ruleset order. */
function candidatesFor(compiled: CompiledRuleset, incident: Incident): readonly CompiledRule[] {
  const [main, ...others] = incident.types;
  if (main === undefined) return [];
  if (others.length === 0) return compiled.candidatesFor(main.type);
  const rules = new Set(incident.types.flatMap((kind) => compiled.candidatesFor(kind.type)));
  return [...rules].sort((a, b) => a.index - b.index);
}

/** Which matched rules are switched off by other matched rules (see README: exclusions). */
function suppressions(matched: readonly CompiledRule[]): Map<CompiledRule, string[]> {
  const suppressedBy = new Map<CompiledRule, string[]>();
  for (const suppressor of matched) {
    for (const targetId of suppressor.rule.suppresses ?? []) {
      for (const target of matched) {
        if (target !== suppressor && target.rule.id === targetId) {
          const list = suppressedBy.get(target) ?? [];
          list.push(suppressor.rule.id);
          suppressedBy.set(target, list);
        }
      }
    }
  }
  return suppressedBy;
}

function traceRules(
  compiled: CompiledRuleset,
  facts: Facts,
  matched: readonly CompiledRule[],
  suppressedBy: ReadonlyMap<CompiledRule, readonly string[]>,
  explainNonMatches: boolean,
): RuleTrace[] {
  const matchedSet = new Set(matched);
  const traced = explainNonMatches ? compiled.rules : matched;
  return traced.map((rule): RuleTrace => {
    const base = { ruleId: rule.rule.id, ruleIndex: rule.index };
    if (!rule.rule.enabled) return { ...base, outcome: "disabled", conditions: [] };
    const conditions = checkConditions(rule, facts);
    if (!matchedSet.has(rule)) return { ...base, outcome: "not_matched", conditions };
    const by = suppressedBy.get(rule);
    return by === undefined
      ? { ...base, outcome: "matched", conditions }
      : { ...base, outcome: "suppressed", conditions, suppressedBy: by };
  });
}

function planFindings(plan: DispatchPlan, activeCount: number): Finding[] {
  const findings: Finding[] = [];
  if (activeCount === 0) {
    findings.push({
      level: "warning",
      code: "no_matching_rule",
      document: "incident",
      path: "$",
      message: "No SOP rule matches this incident; choose the agencies by hand.",
      params: {},
    });
  } else if (
    plan.agencies.length > 0 &&
    !plan.agencies.some((agency) => agency.role === "primary")
  ) {
    findings.push({
      level: "warning",
      code: "no_primary_agency",
      document: "incident",
      path: "$",
      message: "The matching rules name only support agencies; choose the agency that leads.",
      params: {},
    });
  }
  return findings;
}

/** The lead agency first; the merge's order (primaries, then by deadline) otherwise. */
function leadFirst(agencies: DispatchedAgency[]): DispatchedAgency[] {
  return [
    ...agencies.filter((agency) => agency.lead),
    ...agencies.filter((agency) => !agency.lead),
  ];
}

function resolutionFindings(plan: DispatchPlan, kecamatan: string | undefined): Finding[] {
  return plan.agencies.flatMap((agency, index): Finding[] => {
    if (agency.resolution?.kind !== "unserved") return [];
    const where = kecamatan === undefined ? "in the region" : `covering kecamatan ${kecamatan}`;
    return [
      {
        level: "warning",
        code: "unserved_agency",
        document: "incident",
        path: `$.plan.agencies[${String(index)}]`,
        message: `No active agency for ${agency.key} ${where}, and no rule names a fallback; find help by hand.`,
        params: { agency: agency.key, ...(kecamatan === undefined ? {} : { kecamatan }) },
      },
    ];
  });
}

/**
 * Proposes a dispatch plan for one incident. Pure and deterministic: the same ruleset, incident and
 * `now` always give the same result. Never throws; invalid input yields `ok: false` with findings.
 */
export function evaluate(
  ruleset: unknown,
  incident: unknown,
  options: EvaluateOptions,
): EvaluationResult {
  const compiledResult = compileRuleset(ruleset);
  const parsedIncident = incidentSchema.safeParse(incident);
  const readResult = readOptions(options);
  const findings = [
    ...(compiledResult.ok ? [] : compiledResult.findings),
    ...(parsedIncident.success ? [] : schemaFindings(parsedIncident.error, "incident")),
    ...("findings" in readResult ? readResult.findings : []),
  ];
  if (!compiledResult.ok || !parsedIncident.success || "findings" in readResult)
    return { ok: false, findings };

  const compiled = compiledResult.compiled;
  const { now, explainNonMatches = false } = readResult.options;
  const { ruleset: rules } = compiled;
  const facts = new Facts(parsedIncident.data, now, rules.timeZone);

  const matched = candidatesFor(compiled, parsedIncident.data).filter(
    (rule) => rule.rule.enabled && ruleMatches(rule, facts),
  );
  const suppressedBy = suppressions(matched);
  const active = matched.filter((rule) => !suppressedBy.has(rule));
  // Advice that does not fit the incident's type (`forTypes`) is left out before merging.
  const merged = mergeFragments(active.map((rule) => withFittingAdvice(rule, facts.typePatterns)));
  const lead = chooseLead(
    merged.agencies,
    (ruleIndex) => compiled.rules[ruleIndex]?.rule.then.priority,
  );
  const { agencies: region } = readResult.options;
  const kecamatan = parsedIncident.data.kecamatan;

  const plan: DispatchPlan = {
    priority: merged.priority?.value ?? rules.defaults.priority,
    priorityFrom: merged.priority?.from ?? [],
    agencies: leadFirst(
      merged.agencies.map((agency) => ({
        ...agency,
        ackDeadline: addMinutes(now, agency.ackWithinMinutes),
        lead: agency.key === lead?.key,
        ...(region === undefined ? {} : { resolution: resolveAgency(agency, region, kecamatan) }),
      })),
    ),
    lead,
    escalation: merged.escalation.map((planned) => ({
      ...planned,
      due: addMinutes(now, planned.step.afterMinutes),
    })),
    checklist: merged.checklist,
    advice: merged.advice,
  };
  return {
    ok: true,
    plan,
    trace: {
      at: now.toISOString(),
      localTime: facts.local,
      rules: traceRules(compiled, facts, matched, suppressedBy, explainNonMatches),
    },
    findings: [
      ...incidentFindings(parsedIncident.data, incident, compiled),
      ...planFindings(plan, active.length),
      ...resolutionFindings(plan, kecamatan),
    ],
  };
}
