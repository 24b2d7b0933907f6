import { createContext, Script } from "node:vm";
import type { ConfirmedPlan } from "@sigap/db/schema";
import {
  evaluate,
  p1AckTargetMinutes,
  type AgencyTarget,
  type EscalationStep,
  type EvaluationResult,
  type RegionAgency,
} from "@sigap/sop-engine";

/** What the operator recorded of an incident, as the SOP engine reads it. */
export interface IncidentFacts {
  /** SOP taxonomy codes, the main one first: `fire`, `fire.building`. */
  types: string[];
  severity: string | null;
  casualties: number | null;
  flags: string[];
  kecamatanCode: string | null;
}

/** One of the region's agencies, as planning sees it. */
export type PlanningAgency = RegionAgency & { name: string };

/** The region's agencies as the engine plans with them: coverage left out where an agency covers the whole region. */
export function planningAgencies(
  rows: readonly (Omit<PlanningAgency, "kecamatan"> & { kecamatan: string[] | null })[],
): PlanningAgency[] {
  return rows.map(({ kecamatan, ...agency }) =>
    kecamatan === null ? agency : { ...agency, kecamatan },
  );
}

/** What the incident keeps of a proposal once the operator confirms it (the agencies become assignments). */
export function confirmedPlan(
  proposal: Pick<
    ProposedPlan,
    "source" | "manualReason" | "priority" | "fallbacks" | "checklist" | "advice"
  >,
): ConfirmedPlan {
  const { source, manualReason, priority, fallbacks, checklist, advice } = proposal;
  return { source, manualReason, priority, fallbacks, checklist, advice };
}

/** One agency the plan sends, and why. */
export interface PlanLine {
  agencyId: string;
  name: string;
  type: string;
  role: "primary" | "support";
  lead: boolean;
  ackWithinMinutes: number;
  /** The names of the SOP rules that called for it. */
  rules: string[];
}

export interface PlannedEscalation {
  key: string;
  step: EscalationStep;
  /** When it fires unless the agencies it is for have acknowledged (ISO 8601). */
  due: string;
}

export interface ProposedPlan {
  /** `manual` when there is no published SOP, it failed, or no rule matched: the operator chooses. */
  source: "sop" | "manual";
  /** Why the plan is manual (in the engine's words where it gave any); null for an SOP plan. */
  manualReason: string | null;
  sopVersionNumber: number | null;
  priority: string | null;
  lines: PlanLine[];
  /** Active agencies outside the plan: the operator may add any of them, with a reason. */
  others: { agencyId: string; name: string; type: string }[];
  /** Who is phoned where no agency of the region serves a plan line. */
  fallbacks: { name: string; phone: string | null; forLine: string }[];
  /** Plan lines no agency serves and no rule names a fallback for: the operator must find help. */
  unserved: string[];
  escalation: PlannedEscalation[];
  checklist: string[];
  advice: string[];
}

/** The engine's entry point; tests put a failing one in its place. */
export type PlanEngine = typeof evaluate;

/** How long the engine may plan one incident (it takes well under a millisecond) before the operator gets a manual plan. */
export const planBudgetMs = 500;

// The engine is synchronous, so a promise race could not stop it. A vm script's timeout can: its
// watchdog interrupts whatever JavaScript runs under it, the engine's code included.
const budgetContext = createContext({});
const budgetRunner = new Script("task()");

function withinBudget<T>(task: () => T): T {
  (budgetContext as { task?: () => T }).task = task;
  try {
    return budgetRunner.runInContext(budgetContext, { timeout: planBudgetMs }) as T;
  } finally {
    (budgetContext as { task?: () => T }).task = undefined;
  }
}

/** Acknowledgement time for an agency the operator adds, or every agency of a manual plan: the P1 target. */
export const manualAckMinutes = p1AckTargetMinutes;

/** The engine's incident input: each code as a kind, its type the part before the first dot. */
function engineIncident(facts: IncidentFacts) {
  return {
    types: facts.types.map((code) =>
      code.includes(".")
        ? { type: code.slice(0, code.indexOf(".")), subtype: code }
        : { type: code },
    ),
    ...(facts.severity === null ? {} : { severity: facts.severity }),
    ...(facts.casualties === null ? {} : { casualties: facts.casualties }),
    ...(facts.flags.length === 0 ? {} : { flags: facts.flags }),
    ...(facts.kecamatanCode === null ? {} : { kecamatan: facts.kecamatanCode }),
  };
}

function lineLabel(target: AgencyTarget, agencies: readonly PlanningAgency[]): string {
  return "agencyId" in target
    ? (agencies.find((agency) => agency.id === target.agencyId)?.name ?? target.agencyId)
    : target.agencyType;
}

function manualPlan(
  reason: string,
  agencies: readonly PlanningAgency[],
  sopVersionNumber: number | null,
): ProposedPlan {
  return {
    source: "manual",
    manualReason: reason,
    sopVersionNumber,
    priority: null,
    lines: [],
    others: agencies
      .filter((agency) => agency.active !== false)
      .map((agency) => ({ agencyId: agency.id, name: agency.name, type: agency.type })),
    fallbacks: [],
    unserved: [],
    escalation: [],
    checklist: [],
    advice: [],
  };
}

/**
 * The plan the published SOP proposes for an incident, resolved to the region's agencies: for each
 * line, the active agency whose coverage holds the incident's kecamatan (most specific first), or
 * the rule's named fallback. Dispatch never waits on the SOP: without a published version, when
 * the engine throws, takes longer than `planBudgetMs` or refuses the input, or when no rule
 * matches, the operator gets a manual plan listing every active agency.
 */
export function proposePlan(input: {
  version: { number: number; ruleset: unknown } | undefined;
  facts: IncidentFacts;
  agencies: readonly PlanningAgency[];
  now: Date;
  engine?: PlanEngine;
}): ProposedPlan {
  const { version, agencies } = input;
  if (!version) return manualPlan("Belum ada SOP yang diterbitkan", agencies, null);
  let result: EvaluationResult;
  const engine = input.engine ?? evaluate;
  try {
    result = withinBudget(() =>
      engine(version.ruleset, engineIncident(input.facts), { now: input.now, agencies }),
    );
  } catch (error) {
    const timedOut = (error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
    const why = timedOut
      ? `tidak menjawab dalam ${String(planBudgetMs)} ms`
      : `gagal: ${error instanceof Error ? error.message : String(error)}`;
    return manualPlan(`Mesin SOP ${why}`, agencies, version.number);
  }
  if (!result.ok)
    return manualPlan(
      `SOP tidak dapat membaca insiden ini: ${result.findings.map((finding) => finding.message).join("; ")}`,
      agencies,
      version.number,
    );
  const { plan } = result;
  if (plan.agencies.length === 0)
    return manualPlan("Tidak ada aturan SOP yang cocok", agencies, version.number);

  const ruleNames = new Map(rulesOf(version.ruleset).map((rule) => [rule.id, rule.name]));
  const lines: PlanLine[] = [];
  const fallbacks: ProposedPlan["fallbacks"] = [];
  const unserved: string[] = [];
  for (const planned of plan.agencies) {
    const resolution = planned.resolution;
    const label = lineLabel(planned.target, agencies);
    if (resolution?.kind === "fallback")
      fallbacks.push({
        name: resolution.fallback.name,
        phone: resolution.fallback.phone ?? null,
        forLine: label,
      });
    if (resolution?.kind !== "agencies") {
      if (resolution?.kind === "unserved") unserved.push(label);
      continue;
    }
    const chosen = resolution.agencies.find(
      (agency) => !lines.some((line) => line.agencyId === agency.id),
    );
    const agency = chosen && agencies.find((candidate) => candidate.id === chosen.id);
    if (!agency) continue;
    lines.push({
      agencyId: agency.id,
      name: agency.name,
      type: agency.type,
      role: planned.role,
      lead: planned.lead,
      ackWithinMinutes: planned.ackWithinMinutes,
      rules: [...new Set(planned.from.map((ref) => ruleNames.get(ref.ruleId) ?? ref.ruleId))],
    });
  }
  const planned = new Set(lines.map((line) => line.agencyId));
  return {
    source: "sop",
    manualReason: null,
    sopVersionNumber: version.number,
    priority: plan.priority,
    lines,
    others: agencies
      .filter((agency) => agency.active !== false && !planned.has(agency.id))
      .map((agency) => ({ agencyId: agency.id, name: agency.name, type: agency.type })),
    fallbacks,
    unserved,
    escalation: plan.escalation.map((step) => ({ key: step.key, step: step.step, due: step.due })),
    checklist: plan.checklist.map((item) => item.text),
    advice: plan.advice.map((item) => item.text),
  };
}

/** The rules of a published ruleset (already validated when it was published), for their names. */
function rulesOf(ruleset: unknown): { id: string; name: string }[] {
  const rules = (ruleset as { rules?: unknown }).rules;
  return Array.isArray(rules) ? (rules as { id: string; name: string }[]) : [];
}
