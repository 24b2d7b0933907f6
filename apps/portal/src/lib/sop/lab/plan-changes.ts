import type { PlanDiff } from "./types.ts";

/** How an item of one side's plan differs from the other side; `none` when it does not. */
export type Change = "added" | "removed" | "changed" | "none";

export interface AgencyChange {
  change: Change;
  /** The published plan's terms of an agency the draft changes. */
  before?: { role: "primary" | "support"; ackWithinMinutes: number } | undefined;
}

/** The diff by key, so each row of either plan finds its own change. */
export interface PlanChanges {
  priority: PlanDiff["priority"];
  agencies: ReadonlyMap<string, AgencyChange>;
  escalation: ReadonlyMap<string, Change>;
  checklist: ReadonlyMap<string, Change>;
  advice: ReadonlyMap<string, Change>;
}

function byKey(entries: readonly { key: string; change: Change }[]): Map<string, Change> {
  return new Map(entries.map((entry) => [entry.key, entry.change]));
}

/**
 * The diff compares the published plan (before) with the draft's (after): an added key exists only
 * in the draft's plan and a removed one only in the published plan, so each side marks its own rows.
 */
export function planChanges(diff: PlanDiff): PlanChanges {
  return {
    priority: diff.priority,
    agencies: new Map(
      diff.agencies.map((agency) => [agency.key, { change: agency.change, before: agency.before }]),
    ),
    escalation: byKey(diff.escalation),
    checklist: byKey(diff.checklist),
    advice: byKey(diff.advice),
  };
}

/** Never colour alone: each tone goes with a label (ChangeMark) and removals are struck through. */
export const changeTones: Record<Change, string> = {
  added: "border-l-4 border-emerald-600 bg-emerald-50",
  removed: "border-l-4 border-red-600 bg-red-50",
  changed: "border-l-4 border-amber-500 bg-amber-50",
  none: "border-l-4 border-transparent",
};
