import type { Priority } from "./catalogue/priority.ts";
import type { DispatchPlan } from "./evaluate.ts";
import { compareStrings, type AgencyRole } from "./merge.ts";

// The simulator shows the draft's plan next to the published one. Only what a reviewer decides on
// is compared: absolute times (`ackDeadline`, `due`) follow from the moment simulated, and
// provenance (`from`, `priorityFrom`) changes whenever rules are renumbered without changing the
// plan. Checklist and advice order is not compared either; it follows rule positions.

export type PlanChange = "added" | "removed" | "changed";

/** What an agency is asked to do; the part of a planned agency a reviewer compares. */
export interface AgencyTerms {
  readonly role: AgencyRole;
  readonly ackWithinMinutes: number;
}

export interface AgencyDiff {
  /** The plan's agency key, `type:<code>` or `agency:<id>`. */
  readonly key: string;
  /** `changed`: the role or the acknowledgement deadline differs. */
  readonly change: PlanChange;
  /** Absent when added. */
  readonly before?: AgencyTerms;
  /** Absent when removed. */
  readonly after?: AgencyTerms;
}

export interface KeyedDiff<C extends PlanChange = PlanChange> {
  readonly key: string;
  readonly change: C;
}

export interface PlanDiff {
  /** True when nothing below differs. */
  readonly same: boolean;
  /** Null when both plans have the same priority. */
  readonly priority: { readonly before: Priority | null; readonly after: Priority | null } | null;
  readonly agencies: readonly AgencyDiff[];
  /** By `PlannedStep.key`, which encodes the whole step, so a step is only added or removed. */
  readonly escalation: readonly KeyedDiff<"added" | "removed">[];
  /** By item key; `changed` when the text differs. */
  readonly checklist: readonly KeyedDiff[];
  readonly advice: readonly KeyedDiff[];
}

interface Paired<T> {
  readonly key: string;
  readonly before: T | undefined;
  readonly after: T | undefined;
}

/** Items of both sides matched by key, sorted by key so the diff does not depend on plan order. */
function pairByKey<T extends { readonly key: string }>(
  before: readonly T[],
  after: readonly T[],
): Paired<T>[] {
  const beforeByKey = new Map(before.map((item) => [item.key, item]));
  const afterByKey = new Map(after.map((item) => [item.key, item]));
  const keys = [...new Set([...beforeByKey.keys(), ...afterByKey.keys()])].sort(compareStrings);
  return keys.map((key) => ({ key, before: beforeByKey.get(key), after: afterByKey.get(key) }));
}

function changeOf<T>(
  pair: Paired<T>,
  differs: (before: T, after: T) => boolean,
): PlanChange | null {
  if (pair.before === undefined) return "added";
  if (pair.after === undefined) return "removed";
  return differs(pair.before, pair.after) ? "changed" : null;
}

function keyedDiff<T extends { readonly key: string }>(
  before: readonly T[],
  after: readonly T[],
  differs: (before: T, after: T) => boolean,
): KeyedDiff[] {
  return pairByKey(before, after).flatMap((pair) => {
    const change = changeOf(pair, differs);
    return change === null ? [] : [{ key: pair.key, change }];
  });
}

function termsOf(agency: AgencyTerms): AgencyTerms {
  return { role: agency.role, ackWithinMinutes: agency.ackWithinMinutes };
}

function agencyDiff(
  before: DispatchPlan["agencies"],
  after: DispatchPlan["agencies"],
): AgencyDiff[] {
  return pairByKey(before, after).flatMap((pair): AgencyDiff[] => {
    const change = changeOf(
      pair,
      (a, b) => a.role !== b.role || a.ackWithinMinutes !== b.ackWithinMinutes,
    );
    if (change === null) return [];
    return [
      {
        key: pair.key,
        change,
        ...(pair.before === undefined ? {} : { before: termsOf(pair.before) }),
        ...(pair.after === undefined ? {} : { after: termsOf(pair.after) }),
      },
    ];
  });
}

/** Step keys encode the whole step, so a step present on both sides is the same step. */
function escalationDiff(
  before: DispatchPlan["escalation"],
  after: DispatchPlan["escalation"],
): KeyedDiff<"added" | "removed">[] {
  return pairByKey(before, after).flatMap((pair): KeyedDiff<"added" | "removed">[] => {
    if (pair.before === undefined) return [{ key: pair.key, change: "added" }];
    if (pair.after === undefined) return [{ key: pair.key, change: "removed" }];
    return [];
  });
}

const textDiffers = (a: { readonly text: string }, b: { readonly text: string }) =>
  a.text !== b.text;

/**
 * What changes between two plans for the same incident and moment, e.g. the published ruleset's
 * and the draft's. A null plan (no published version yet, or evaluation failed) counts as a plan
 * with no priority and nothing in it. Deterministic: every list is sorted by key.
 */
export function diffPlans(before: DispatchPlan | null, after: DispatchPlan | null): PlanDiff {
  const priorityBefore = before?.priority ?? null;
  const priorityAfter = after?.priority ?? null;
  const priority =
    priorityBefore === priorityAfter ? null : { before: priorityBefore, after: priorityAfter };
  const agencies = agencyDiff(before?.agencies ?? [], after?.agencies ?? []);
  const escalation = escalationDiff(before?.escalation ?? [], after?.escalation ?? []);
  const checklist = keyedDiff(before?.checklist ?? [], after?.checklist ?? [], textDiffers);
  const advice = keyedDiff(before?.advice ?? [], after?.advice ?? [], textDiffers);
  const same =
    priority === null &&
    agencies.length === 0 &&
    escalation.length === 0 &&
    checklist.length === 0 &&
    advice.length === 0;
  return { same, priority, agencies, escalation, checklist, advice };
}
