import { isKnownAgencyType } from "../catalogue/agency-types.ts";
import { incidentTypes } from "../catalogue/incident-types.ts";
import type { CompiledRule } from "../compile.ts";
import {
  answeringAgencies,
  buildCoverage,
  isUsableFallback,
  matchesWholeType,
  type CoverageCell,
  type CoverageRow,
  type CoverageSource,
} from "../coverage.ts";
import type { AgencyAbsence } from "../finding-params.ts";
import type { Finding, FindingCode, PathSegment } from "../findings.ts";
import { targetKey } from "../merge.ts";
import type { RegionAgency } from "../schema/context.ts";
import type { AgencyTarget } from "../schema/ruleset.ts";
import { rulesetFinding, type Check } from "./check.ts";

function dispatches(rule: CompiledRule): boolean {
  return rule.rule.enabled && rule.fragment.agencies.length > 0;
}

/**
 * Every type that can be life-threatening must get agencies whatever the details: a rule whose only
 * condition is `<type>.*` (or none). Rules that cover only some cases are reported as a warning.
 */
export const checkP1Coverage: Check = ({ compiled }) => {
  const findings: Finding[] = [];
  for (const type of incidentTypes) {
    if (type.nationalPriority !== "P1") continue;
    const candidates = compiled.candidatesFor(type.code).filter(dispatches);
    const unconditional = candidates.some((rule) => matchesWholeType(rule.rule, type.code));
    if (unconditional) continue;
    findings.push(
      candidates.length === 0
        ? rulesetFinding(
            "error",
            "uncovered_p1_type",
            ["rules"],
            `No rule dispatches any agency for ${type.code} (${type.name}), a P1 incident type.`,
            { type: type.code },
          )
        : rulesetFinding(
            "warning",
            "conditionally_covered_p1_type",
            ["rules"],
            `Only some ${type.code} incidents get agencies; add a rule for '${type.code}.*' without other conditions.`,
            { type: type.code },
          ),
    );
  }
  return findings;
};

/** What validation says about the region's agencies and their coverage (`sop coverage` prints it). */
export const coverageFindingCodes: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "uncovered_agency",
  "agency_type_not_available",
  "kecamatan_not_covered",
  "unknown_agency_type",
  "unknown_agency",
]);

// The checks below read the coverage matrix (see ../coverage.ts) and report each gap once: per
// incident type and agency when an agency that leads a type's response reaches nobody, per agency
// otherwise, so a region missing one agency type gets a few findings, not one per rule.

/** At most `count` items, then how many more: kecamatan lists can be long. */
function listed(items: readonly string[], count = 5): string {
  const shown = items.slice(0, count).join(", ");
  return items.length > count ? `${shown} and ${String(items.length - count)} more` : shown;
}

/** `rule "a" names` / `rules "a", "b" name`: the subject of a sentence about what rules name. */
function rulesNaming(ruleIds: readonly string[]): string {
  const names = listed(
    ruleIds.map((id) => `"${id}"`),
    3,
  );
  return ruleIds.length === 1 ? `rule ${names} names` : `rules ${names} name`;
}

function describeTarget(target: AgencyTarget): string {
  return "agencyType" in target
    ? `agency type "${target.agencyType}"`
    : `agency "${target.agencyId}"`;
}

/** Unknown types and agency ids are reference errors already (references.ts); not repeated here. */
function isKnownTarget(target: AgencyTarget, region: readonly RegionAgency[]): boolean {
  return "agencyType" in target
    ? isKnownAgencyType(target.agencyType)
    : region.some((agency) => agency.id === target.agencyId);
}

function absenceOf(target: AgencyTarget, region: readonly RegionAgency[]): AgencyAbsence {
  if ("agencyType" in target) return "no_active_agency_of_type";
  const agency = region.find((candidate) => candidate.id === target.agencyId);
  return agency === undefined ? "not_in_region" : "inactive";
}

const absenceText: Record<AgencyAbsence, string> = {
  no_active_agency_of_type: "the region has no active agency of that type",
  not_in_region: "it is not one of the region's agencies",
  inactive: "it is inactive",
};

/** Where to fix a cell: the first sending action without a usable fallback, a primary one first. */
function fixAt(cell: CoverageCell): CoverageSource | undefined {
  const lacking = cell.from.filter((source) => cell.withoutFallback.includes(source.ruleId));
  return lacking.find((source) => source.role === "primary") ?? lacking[0];
}

function actionPath(source: { ruleIndex: number; agencyIndex: number }): PathSegment[] {
  return ["rules", source.ruleIndex, "then", "agencies", source.agencyIndex];
}

function uncoveredLead(row: CoverageRow, cell: CoverageCell, region: readonly RegionAgency[]) {
  const source = fixAt(cell);
  if (source === undefined) return [];
  const absence = absenceOf(cell.target, region);
  return [
    rulesetFinding(
      row.priority === "P1" ? "error" : "warning",
      "uncovered_agency",
      actionPath(source),
      `${row.name} (${row.type}, ${row.priority}) sends ${describeTarget(cell.target)} as ` +
        `primary, but ${absenceText[absence]} and ${rulesNaming(cell.withoutFallback)} ` +
        "no fallback: register an active agency or name a fallback (e.g. a national " +
        "emergency number).",
      {
        agency: cell.key,
        type: row.type,
        priority: row.priority,
        absence,
        rules: cell.withoutFallback,
      },
      source.ruleId,
    ),
  ];
}

interface Gap {
  readonly target: AgencyTarget;
  readonly path: PathSegment[];
  readonly ruleId: string;
  /** Rules that send it without a fallback, and rules that name it as an escalation backup. */
  readonly senders: string[];
  readonly backups: string[];
}

function gapMessage({ target, senders, backups }: Gap, absence: AgencyAbsence): string {
  const uses = [
    ...(senders.length > 0 ? [`${rulesNaming(senders)} it without a fallback`] : []),
    ...(backups.length > 0 ? [`${rulesNaming(backups)} it as an escalation backup`] : []),
  ];
  const what = `${describeTarget(target)} reaches nobody: ${absenceText[absence]}`;
  return `${what}; ${uses.join("; ")}.`;
}

/** Agencies named anywhere that reach nobody, once each, unless already reported as a lead. */
function unavailableAgencies(
  rules: readonly CompiledRule[],
  region: readonly RegionAgency[],
  reported: ReadonlySet<string>,
): Finding[] {
  const gaps = new Map<string, Gap>();
  const note = (target: AgencyTarget, path: PathSegment[], ruleId: string, backup: boolean) => {
    const key = targetKey(target);
    if (reported.has(key) || !isKnownTarget(target, region)) return;
    if (answeringAgencies(target, region).length > 0) return;
    const gap = gaps.get(key) ?? { target, path, ruleId, senders: [], backups: [] };
    const list = backup ? gap.backups : gap.senders;
    if (!list.includes(ruleId)) list.push(ruleId);
    gaps.set(key, gap);
  };
  for (const { rule, index } of rules) {
    if (!rule.enabled) continue;
    rule.then.agencies?.forEach((action, agencyIndex) => {
      if (isUsableFallback(action.fallback, region)) return;
      note(action, actionPath({ ruleIndex: index, agencyIndex }), rule.id, false);
    });
    rule.then.escalation?.forEach((step, stepIndex) => {
      if (step.action !== "notify_backup_agency") return;
      const path = ["rules", index, "then", "escalation", stepIndex, "backup"];
      note(step.backup, path, rule.id, true);
    });
  }
  return [...gaps.entries()].map(([key, gap]) => {
    const absence = absenceOf(gap.target, region);
    return rulesetFinding(
      "warning",
      "agency_type_not_available",
      gap.path,
      gapMessage(gap, absence),
      { agency: key, absence, senders: gap.senders, backups: gap.backups },
      gap.ruleId,
    );
  });
}

/** Agencies that answer only in some kecamatan, once each, with the urgent types it affects. */
function partialCoverage(rows: readonly CoverageRow[]): Finding[] {
  const gaps = new Map<string, { cell: CoverageCell; source: CoverageSource; types: string[] }>();
  for (const row of rows) {
    for (const cell of row.agencies) {
      const source = fixAt(cell);
      if (cell.state !== "partial" || source === undefined) continue;
      const gap = gaps.get(cell.key) ?? { cell, source, types: [] };
      gap.types.push(row.type);
      gaps.set(cell.key, gap);
    }
  }
  return [...gaps.values()].map(({ cell, source, types }) =>
    rulesetFinding(
      "warning",
      "kecamatan_not_covered",
      actionPath(source),
      `No active agency for ${describeTarget(cell.target)} covers kecamatan ` +
        `${listed(cell.uncoveredKecamatan ?? [])}: ${types.join(", ")} incidents there ` +
        "reach none. Extend an agency's coverage or name a fallback.",
      { agency: cell.key, kecamatan: cell.uncoveredKecamatan ?? [], types },
      source.ruleId,
    ),
  );
}

/**
 * Whether the region can answer what the ruleset sends to urgent incidents (needs
 * `context.agencies`). An agency sent as primary to a P1 type that reaches nobody (no active
 * agency, no fallback) is an error: that incident would get no responder. For a P2 type it is a
 * warning, as is any other agency that reaches nobody and a kecamatan no agency covers.
 */
export const checkAgencyCoverage: Check = ({ compiled, context }) => {
  const region = context.agencies;
  if (region === undefined) return [];
  const matrix = buildCoverage(compiled, context);
  const reported = new Set<string>();
  const leads = matrix.rows.flatMap((row) =>
    row.agencies.flatMap((cell) => {
      if (cell.role !== "primary" || cell.state !== "uncovered") return [];
      if (!isKnownTarget(cell.target, region)) return [];
      reported.add(cell.key);
      return uncoveredLead(row, cell, region);
    }),
  );
  return [
    ...leads,
    ...unavailableAgencies(compiled.rules, region, reported),
    ...partialCoverage(matrix.rows),
  ];
};
