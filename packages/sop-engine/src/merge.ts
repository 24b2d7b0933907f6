import { adviceUrgencyRank, mostUrgentAdvice, type AdviceUrgency } from "./catalogue/advice.ts";
import { mostUrgent, type Priority } from "./catalogue/priority.ts";
import type {
  AdviceItem,
  AgencyTarget,
  EscalationStep,
  Fallback,
  Rule,
  TextItem,
} from "./schema/ruleset.ts";

/**
 * The contribution of matched rules to a dispatch plan. Merging is a join: associative,
 * commutative and idempotent, so the plan does not depend on the order rules are visited in, and
 * every value keeps the rules it came from for the explanation trace. Order-sensitive outputs
 * (checklist, advice) are ordered by the position of their earliest rule in the ruleset instead;
 * advice by its urgency first.
 */
export interface PlanFragment {
  readonly priority: PriorityDecision | null;
  readonly agencies: readonly PlannedAgency[];
  readonly escalation: readonly PlannedStep[];
  readonly checklist: readonly PlannedText[];
  readonly advice: readonly PlannedAdvice[];
}

export interface RuleRef {
  readonly ruleId: string;
  /** Position in the ruleset; orders checklist and advice, and breaks ties between rules. */
  readonly ruleIndex: number;
}

export interface PriorityDecision {
  readonly value: Priority;
  /** The rules that asked for exactly this priority. */
  readonly from: readonly RuleRef[];
}

export type AgencyRole = "primary" | "support";

export interface AgencyContribution extends RuleRef {
  readonly role: AgencyRole;
  readonly ackWithinMinutes: number;
  /** The rule says this agency leads the scene. */
  readonly lead: boolean;
  /** Who the rule calls instead when the region cannot serve this agency. */
  readonly fallback?: Fallback;
}

export interface PlannedAgency {
  readonly key: string;
  readonly target: AgencyTarget;
  /** Primary when any rule made it primary. */
  readonly role: AgencyRole;
  /** The tightest deadline any rule gave. */
  readonly ackWithinMinutes: number;
  readonly from: readonly AgencyContribution[];
}

export interface PlannedStep {
  readonly key: string;
  readonly step: EscalationStep;
  readonly from: readonly RuleRef[];
}

export interface TextSource extends RuleRef {
  readonly position: number;
}

export interface PlannedText {
  readonly key: string;
  /** The text of the earliest rule that has this key. */
  readonly text: string;
  readonly from: readonly TextSource[];
}

export interface PlannedAdvice extends PlannedText {
  /** The most urgent rank any rule gives this key; advice is said in this order. */
  readonly urgency: AdviceUrgency;
}

export function targetKey(target: AgencyTarget): string {
  return "agencyType" in target ? `type:${target.agencyType}` : `agency:${target.agencyId}`;
}

function canonicalTarget(target: AgencyTarget): AgencyTarget {
  return "agencyType" in target ? { agencyType: target.agencyType } : { agencyId: target.agencyId };
}

/** Equal fallbacks are equal objects with their fields in one order, so they compare as strings. */
function canonicalFallback(fallback: Fallback): Fallback {
  return {
    name: fallback.name,
    ...(fallback.phone === undefined ? {} : { phone: fallback.phone }),
    ...(fallback.agencyId === undefined ? {} : { agencyId: fallback.agencyId }),
  };
}

/** Everything a contribution says, so equal contributions (and only they) collapse. */
function contributionIdentity(c: AgencyContribution): string {
  return `${refIdentity(c)}|${c.role}|${c.ackWithinMinutes}|${c.lead ? "lead" : ""}|${c.fallback ? JSON.stringify(c.fallback) : ""}`;
}

const actionOrder: Readonly<Record<EscalationStep["action"], number>> = {
  renotify: 0,
  notify_supervisor: 1,
  notify_backup_agency: 2,
  notify_officials: 3,
};

/** Equal keys mean equal steps, so a step named by two rules is planned once. */
function canonicalStep(step: EscalationStep): EscalationStep {
  const base = { afterMinutes: step.afterMinutes };
  const forTarget = step.for === undefined ? {} : { for: canonicalTarget(step.for) };
  switch (step.action) {
    case "renotify":
    case "notify_supervisor":
      return { action: step.action, ...base, ...forTarget };
    case "notify_backup_agency":
      return {
        action: step.action,
        ...base,
        for: canonicalTarget(step.for),
        backup: canonicalTarget(step.backup),
      };
    case "notify_officials":
      return {
        action: step.action,
        ...base,
        ...forTarget,
        officials: [...new Set(step.officials)].sort(),
      };
  }
}

function stepKey(step: EscalationStep): string {
  const parts: string[] = [
    String(step.afterMinutes).padStart(4, "0"),
    String(actionOrder[step.action]),
    step.action,
  ];
  parts.push(step.for === undefined ? "*" : targetKey(step.for));
  if (step.action === "notify_backup_agency") parts.push(targetKey(step.backup));
  if (step.action === "notify_officials") parts.push([...new Set(step.officials)].sort().join(","));
  return parts.join("|");
}

function textItems(items: readonly TextItem[] | undefined, ref: RuleRef): PlannedText[] {
  return (items ?? []).map((item, position) => ({
    key: item.key,
    text: item.text,
    from: [{ ...ref, position }],
  }));
}

/** One entry per item, in the rule's order, so `position` indexes `then.advice`. */
export function adviceItems(
  items: readonly AdviceItem[] | undefined,
  ref: RuleRef,
): PlannedAdvice[] {
  return (items ?? []).map((item, position) => ({
    key: item.key,
    text: item.text,
    urgency: item.urgency,
    from: [{ ...ref, position }],
  }));
}

/** A rule's own contribution; duplicates inside one rule collapse like duplicates across rules. */
export function fragmentOfRule(
  rule: Rule,
  ruleIndex: number,
  defaultAckWithinMinutes: number,
): PlanFragment {
  const ref: RuleRef = { ruleId: rule.id, ruleIndex };
  const actions = rule.then;
  return mergeFragments([
    {
      priority: actions.priority === undefined ? null : { value: actions.priority, from: [ref] },
      agencies: (actions.agencies ?? []).map((action) => {
        const target = canonicalTarget(action);
        const ackWithinMinutes = action.ackWithinMinutes ?? defaultAckWithinMinutes;
        const fallback = action.fallback && canonicalFallback(action.fallback);
        const contribution = {
          ...ref,
          role: action.role,
          ackWithinMinutes,
          lead: action.lead === true,
        };
        return {
          key: targetKey(target),
          target,
          role: action.role,
          ackWithinMinutes,
          from: [fallback ? { ...contribution, fallback } : contribution],
        };
      }),
      escalation: (actions.escalation ?? []).map((step) => {
        const canonical = canonicalStep(step);
        return { key: stepKey(canonical), step: canonical, from: [ref] };
      }),
      checklist: textItems(actions.checklist, ref),
      advice: adviceItems(actions.advice, ref),
    },
  ]);
}

function compareRefs(a: RuleRef, b: RuleRef): number {
  return a.ruleIndex - b.ruleIndex || compareStrings(a.ruleId, b.ruleId);
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted and without duplicates, so equal sets of sources are equal arrays. */
function uniqueSorted<T>(
  items: readonly T[],
  identity: (item: T) => string,
  compare: (a: T, b: T) => number,
): T[] {
  const byIdentity = new Map<string, T>();
  for (const item of items) byIdentity.set(identity(item), item);
  return [...byIdentity.values()].sort(compare);
}

const refIdentity = (ref: RuleRef) => `${ref.ruleIndex}|${ref.ruleId}`;

function mergePriority(fragments: readonly PlanFragment[]): PriorityDecision | null {
  let value: Priority | null = null;
  for (const fragment of fragments) {
    if (fragment.priority !== null)
      value = value === null ? fragment.priority.value : mostUrgent(value, fragment.priority.value);
  }
  if (value === null) return null;
  const from = fragments.flatMap((fragment) =>
    fragment.priority?.value === value ? fragment.priority.from : [],
  );
  return { value, from: uniqueSorted(from, refIdentity, compareRefs) };
}

function mergeAgencies(fragments: readonly PlanFragment[]): PlannedAgency[] {
  const byKey = new Map<string, { target: AgencyTarget; from: AgencyContribution[] }>();
  for (const fragment of fragments) {
    for (const agency of fragment.agencies) {
      const entry = byKey.get(agency.key);
      if (entry === undefined)
        byKey.set(agency.key, { target: agency.target, from: [...agency.from] });
      else entry.from.push(...agency.from);
    }
  }
  const merged = [...byKey].map(([key, { target, from }]): PlannedAgency => {
    // Identities are built once per contribution: the sort compares them many times.
    const identified = new Map(from.map((c) => [contributionIdentity(c), c] as const));
    const contributions = [...identified]
      .sort(([idA, a], [idB, b]) => compareRefs(a, b) || compareStrings(idA, idB))
      .map(([, c]) => c);
    return {
      key,
      target,
      role: contributions.some((c) => c.role === "primary") ? "primary" : "support",
      ackWithinMinutes: Math.min(...contributions.map((c) => c.ackWithinMinutes)),
      from: contributions,
    };
  });
  // Primary agencies first, then the most urgent deadline: the order an operator dispatches in.
  return merged.sort(
    (a, b) =>
      (a.role === b.role ? 0 : a.role === "primary" ? -1 : 1) ||
      a.ackWithinMinutes - b.ackWithinMinutes ||
      compareStrings(a.key, b.key),
  );
}

function mergeSteps(fragments: readonly PlanFragment[]): PlannedStep[] {
  const byKey = new Map<string, { step: EscalationStep; from: RuleRef[] }>();
  for (const fragment of fragments) {
    for (const planned of fragment.escalation) {
      const entry = byKey.get(planned.key);
      if (entry === undefined)
        byKey.set(planned.key, { step: planned.step, from: [...planned.from] });
      else entry.from.push(...planned.from);
    }
  }
  // The key starts with the zero-padded minutes and the action's rank, so key order is time order.
  return [...byKey]
    .map(([key, { step, from }]) => ({
      key,
      step,
      from: uniqueSorted(from, refIdentity, compareRefs),
    }))
    .sort((a, b) => compareStrings(a.key, b.key));
}

function compareSources(a: TextSource, b: TextSource): number {
  return compareRefs(a, b) || a.position - b.position;
}

function mergeTexts(lists: readonly (readonly PlannedText[])[]): PlannedText[] {
  const byKey = new Map<string, { from: TextSource[]; texts: Map<string, string> }>();
  for (const list of lists) {
    for (const item of list) {
      let entry = byKey.get(item.key);
      if (entry === undefined) {
        entry = { from: [], texts: new Map() };
        byKey.set(item.key, entry);
      }
      for (const source of item.from) {
        entry.from.push(source);
        // Text is remembered per source so the earliest source decides, whatever the merge order.
        entry.texts.set(`${refIdentity(source)}|${source.position}`, item.text);
      }
    }
  }
  const merged = [...byKey].map(([key, { from, texts }]): PlannedText => {
    const sources = uniqueSorted(from, (s) => `${refIdentity(s)}|${s.position}`, compareSources);
    const first = sources[0];
    const text =
      first === undefined ? "" : (texts.get(`${refIdentity(first)}|${first.position}`) ?? "");
    return { key, text, from: sources };
  });
  return merged.sort((a, b) => {
    const firstA = a.from[0];
    const firstB = b.from[0];
    const bySource =
      firstA !== undefined && firstB !== undefined ? compareSources(firstA, firstB) : 0;
    return bySource || compareStrings(a.key, b.key);
  });
}

/**
 * Advice merges like the checklist, then the most urgent is said first: CPR before "stay on the
 * line" whichever rule comes first. The sort is stable, so within one urgency the checklist order
 * (earliest rule, then position) holds and the result stays independent of the merge order.
 */
function mergeAdvice(lists: readonly (readonly PlannedAdvice[])[]): PlannedAdvice[] {
  const urgencyByKey = new Map<string, AdviceUrgency>();
  for (const list of lists) {
    for (const item of list) {
      const known = urgencyByKey.get(item.key);
      urgencyByKey.set(
        item.key,
        known === undefined ? item.urgency : mostUrgentAdvice(known, item.urgency),
      );
    }
  }
  return mergeTexts(lists)
    .map((item) => ({ ...item, urgency: urgencyByKey.get(item.key) ?? "information" }))
    .sort((a, b) => adviceUrgencyRank(a.urgency) - adviceUrgencyRank(b.urgency));
}

export function mergeFragments(fragments: readonly PlanFragment[]): PlanFragment {
  return {
    priority: mergePriority(fragments),
    agencies: mergeAgencies(fragments),
    escalation: mergeSteps(fragments),
    checklist: mergeTexts(fragments.map((fragment) => fragment.checklist)),
    advice: mergeAdvice(fragments.map((fragment) => fragment.advice)),
  };
}
