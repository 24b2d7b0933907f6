import { incidentTypes } from "./catalogue/incident-types.ts";
import type { Priority } from "./catalogue/priority.ts";
import { compileRuleset, type CompiledRule, type CompiledRuleset } from "./compile.ts";
import { conditionNames } from "./conditions.ts";
import { schemaFindings, type Finding } from "./findings.ts";
import { targetKey, type AgencyRole } from "./merge.ts";
import {
  validationContextSchema,
  type ParsedValidationContext,
  type RegionAgency,
} from "./schema/context.ts";
import type { AgencyTarget, Fallback, Rule } from "./schema/ruleset.ts";

// The coverage matrix answers, before publishing, the question a dispatcher would otherwise meet on
// a live call: for each urgent incident type, does every agency the SOP sends exist in the region,
// and if not, who is called instead? Validation turns its gaps into findings; the portal shows it
// as a table and `sop coverage` prints it.

/** The incident types in the matrix: those whose national priority is P1 or P2. */
const matrixPriorities: ReadonlySet<Priority> = new Set(["P1", "P2"]);

/**
 * - `covered`: active agencies answer for it in every kecamatan of the region;
 * - `partial`: active agencies answer for it, but not in every kecamatan;
 * - `fallback`: no active agency; every rule that sends it names a fallback;
 * - `uncovered`: no active agency, and some rule that sends it names no usable fallback.
 */
export type CoverageState = "covered" | "partial" | "fallback" | "uncovered";

export interface CoveringAgency {
  readonly id: string;
  readonly name?: string;
  /** The kecamatan it covers; `null`: the whole region. */
  readonly kecamatan: readonly string[] | null;
}

/** One agency action of a rule that can send the agency to an incident of the row's type. */
export interface CoverageSource {
  readonly ruleId: string;
  readonly ruleIndex: number;
  /** Position in the rule's `then.agencies`, for the finding's path. */
  readonly agencyIndex: number;
  readonly role: AgencyRole;
  /** The rule matches every incident of the type: its only condition is the type, or none. */
  readonly always: boolean;
}

export interface CoverageCell {
  /** The plan's key: `type:<code>` or `agency:<id>`. */
  readonly key: string;
  readonly target: AgencyTarget;
  /** The agency type; for a named agency its type in the region (`null`: no such agency). */
  readonly agencyType: string | null;
  /** `primary` when any rule sends it as primary: the type's response then depends on it. */
  readonly role: AgencyRole;
  /** `always` when a rule sends it to every incident of the type; otherwise in some cases only. */
  readonly dispatch: "always" | "conditional";
  readonly state: CoverageState;
  /** The region's active agencies that answer for it. */
  readonly agencies: readonly CoveringAgency[];
  /**
   * Region kecamatan none of `agencies` covers; `null` when there are no such agencies (the whole
   * region is uncovered) or the region's kecamatan are not known.
   */
  readonly uncoveredKecamatan: readonly string[] | null;
  /** The usable fallbacks the sending rules name, each once, in ruleset order. */
  readonly fallbacks: readonly Fallback[];
  /** Sending rules that name no usable fallback: when one of them matches, a gap reaches nobody. */
  readonly withoutFallback: readonly string[];
  readonly from: readonly CoverageSource[];
}

export interface CoverageRow {
  readonly type: string;
  readonly name: string;
  readonly nameEn: string;
  readonly priority: Priority;
  /**
   * `uncovered`: an agency sent as primary reaches nobody; `partial`: a supporting one reaches
   * nobody, or some kecamatan are left out; `covered`: agencies or fallbacks answer for all.
   */
  readonly state: "covered" | "partial" | "uncovered";
  /** Primary before support, then those sent always, then by key. */
  readonly agencies: readonly CoverageCell[];
}

export interface CoverageMatrix {
  /** P1 types with an uncovered primary agency: validation errors, so publishing is refused. */
  readonly uncoveredP1: readonly string[];
  /** The region's active agencies; 0 means it has registered none yet. */
  readonly activeAgencies: number;
  /** P1 and P2 types of the national taxonomy, in catalogue order. */
  readonly rows: readonly CoverageRow[];
}

export type CoverageResult =
  | { readonly ok: true; readonly matrix: CoverageMatrix }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/** The rule matches every incident of `typeCode`: no condition but the whole type, or none. */
export function matchesWholeType(rule: Rule, typeCode: string): boolean {
  const { when } = rule;
  return (
    conditionNames.every((name) => name === "types" || when[name] === undefined) &&
    (when.types === undefined || when.types.includes(`${typeCode}.*`))
  );
}

function isActive(agency: RegionAgency): boolean {
  return agency.active !== false;
}

/** A fallback can be called: it has a number, or it is one of the region's active agencies. */
export function isUsableFallback(
  fallback: Fallback | undefined,
  region: readonly RegionAgency[],
): fallback is Fallback {
  if (fallback === undefined) return false;
  if (fallback.phone !== undefined) return true;
  return region.some((agency) => agency.id === fallback.agencyId && isActive(agency));
}

/** The region's active agencies that answer for a target, as resolution picks them. */
export function answeringAgencies(
  target: AgencyTarget,
  region: readonly RegionAgency[],
): RegionAgency[] {
  return region.filter(
    (agency) =>
      isActive(agency) &&
      ("agencyId" in target ? agency.id === target.agencyId : agency.type === target.agencyType),
  );
}

function uncoveredKecamatan(
  agencies: readonly RegionAgency[],
  regionKecamatan: readonly string[] | undefined,
): string[] | null {
  if (agencies.length === 0 || regionKecamatan === undefined) return null;
  if (agencies.some((agency) => agency.kecamatan === undefined)) return [];
  const covered = new Set(agencies.flatMap((agency) => agency.kecamatan ?? []));
  return regionKecamatan.filter((code) => !covered.has(code));
}

function cellState(
  agencies: readonly RegionAgency[],
  uncovered: readonly string[] | null,
  withoutFallback: readonly string[],
): CoverageState {
  if (agencies.length === 0) return withoutFallback.length === 0 ? "fallback" : "uncovered";
  return uncovered !== null && uncovered.length > 0 ? "partial" : "covered";
}

interface SentAgency {
  readonly target: AgencyTarget;
  readonly actions: { readonly source: CoverageSource; readonly fallback: Fallback | undefined }[];
}

/** What the enabled rules that can match an incident of the type send, by plan key. */
function sentFor(typeCode: string, rules: readonly CompiledRule[]): Map<string, SentAgency> {
  const byKey = new Map<string, SentAgency>();
  for (const { rule, index } of rules) {
    if (!rule.enabled) continue;
    const always = matchesWholeType(rule, typeCode);
    rule.then.agencies?.forEach((action, agencyIndex) => {
      const target: AgencyTarget =
        "agencyType" in action ? { agencyType: action.agencyType } : { agencyId: action.agencyId };
      const key = targetKey(target);
      const sent = byKey.get(key) ?? { target, actions: [] };
      const source = { ruleId: rule.id, ruleIndex: index, agencyIndex, role: action.role, always };
      sent.actions.push({ source, fallback: action.fallback });
      byKey.set(key, sent);
    });
  }
  return byKey;
}

function coverageCell(
  { target, actions }: SentAgency,
  context: ParsedValidationContext,
): CoverageCell {
  const region = context.agencies ?? [];
  const agencies = answeringAgencies(target, region);
  const uncovered = uncoveredKecamatan(agencies, context.kecamatanCodes);
  const fallbacks: Fallback[] = [];
  const withoutFallback: string[] = [];
  const sources = actions.map(({ source }) => source);
  for (const { fallback, source } of actions) {
    const { ruleId } = source;
    if (!isUsableFallback(fallback, region)) {
      if (!withoutFallback.includes(ruleId)) withoutFallback.push(ruleId);
    } else if (!fallbacks.some((known) => JSON.stringify(known) === JSON.stringify(fallback))) {
      fallbacks.push(fallback);
    }
  }
  const named =
    "agencyId" in target ? region.find((agency) => agency.id === target.agencyId) : undefined;
  return {
    key: targetKey(target),
    target,
    agencyType: "agencyType" in target ? target.agencyType : (named?.type ?? null),
    role: sources.some((source) => source.role === "primary") ? "primary" : "support",
    dispatch: sources.some((source) => source.always) ? "always" : "conditional",
    state: cellState(agencies, uncovered, withoutFallback),
    agencies: agencies.map((agency) => ({
      id: agency.id,
      ...(agency.name === undefined ? {} : { name: agency.name }),
      kecamatan: agency.kecamatan ?? null,
    })),
    uncoveredKecamatan: uncovered,
    fallbacks,
    withoutFallback,
    from: sources,
  };
}

function cellOrder(a: CoverageCell, b: CoverageCell): number {
  const rank = (cell: CoverageCell) =>
    (cell.role === "primary" ? 0 : 2) + (cell.dispatch === "always" ? 0 : 1);
  return rank(a) - rank(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function rowState(cells: readonly CoverageCell[]): CoverageRow["state"] {
  if (cells.some((cell) => cell.role === "primary" && cell.state === "uncovered")) {
    return "uncovered";
  }
  return cells.some((cell) => cell.state === "uncovered" || cell.state === "partial")
    ? "partial"
    : "covered";
}

/** The matrix against a parsed context; a context without agencies is a region without any. */
export function buildCoverage(
  compiled: CompiledRuleset,
  context: ParsedValidationContext,
): CoverageMatrix {
  const rows: CoverageRow[] = [];
  for (const type of incidentTypes) {
    if (!matrixPriorities.has(type.nationalPriority)) continue;
    const cells = [...sentFor(type.code, compiled.candidatesFor(type.code)).values()]
      .map((sent) => coverageCell(sent, context))
      .sort(cellOrder);
    rows.push({
      type: type.code,
      name: type.name,
      nameEn: type.nameEn,
      priority: type.nationalPriority,
      state: rowState(cells),
      agencies: cells,
    });
  }
  return {
    uncoveredP1: rows
      .filter((row) => row.priority === "P1" && row.state === "uncovered")
      .map((row) => row.type),
    activeAgencies: (context.agencies ?? []).filter(isActive).length,
    rows,
  };
}

/**
 * For every P1 and P2 incident type of the national taxonomy: the agencies the ruleset's enabled
 * rules would send, and whether the region answers for each with an active agency (in which
 * kecamatan) or a fallback. `ruleset` is raw JSON or a compiled ruleset. Never throws: an invalid
 * ruleset or context gives `{ ok: false, findings }`.
 */
export function coverageMatrix(ruleset: unknown, context: unknown): CoverageResult {
  const parsedContext = validationContextSchema.safeParse(context ?? {});
  const compiled = compileRuleset(ruleset);
  const findings = [
    ...(parsedContext.success ? [] : schemaFindings(parsedContext.error, "context")),
    ...(compiled.ok ? [] : compiled.findings),
  ];
  if (!compiled.ok || !parsedContext.success) return { ok: false, findings };
  return { ok: true, matrix: buildCoverage(compiled.compiled, parsedContext.data) };
}
