import { priorityRank, type Priority } from "./catalogue/priority.ts";
import { compareStrings, type PlannedAgency, type RuleRef } from "./merge.ts";

/**
 * What decided the lead, the first criterion on which it beat the next candidate:
 * - `only_primary`: it is the plan's only primary agency;
 * - `marked_lead`: a matched rule says it leads (`lead: true`) and no other such agency ties with it;
 * - `priority`: it was dispatched by the rule with the most urgent priority;
 * - `ack_deadline`: it has the tightest acknowledgement deadline;
 * - `code_order`: nothing else separated them, so the first key in code order leads.
 */
export type LeadReason =
  "only_primary" | "marked_lead" | "priority" | "ack_deadline" | "code_order";

export interface LeadDecision {
  /** The planned agency's key, e.g. `type:damkar`. */
  readonly key: string;
  readonly reason: LeadReason;
  /** The rules that made it primary. */
  readonly from: readonly RuleRef[];
}

interface Candidate {
  readonly agency: PlannedAgency;
  /** One number per criterion, in the order they are applied; lower wins. */
  readonly scores: readonly [number, number, number];
}

const criteria = [
  "marked_lead",
  "priority",
  "ack_deadline",
] as const satisfies readonly LeadReason[];

/**
 * Exactly one primary agency leads the scene; the others support it. Which one depends only on the
 * matched rules, never on the order they are written in, so moving a rule never changes the lead.
 * `priorityOf` gives a matched rule's own priority, if it sets one. No primary agency: no lead.
 */
export function chooseLead(
  agencies: readonly PlannedAgency[],
  priorityOf: (ruleIndex: number) => Priority | undefined,
): LeadDecision | null {
  const candidates: Candidate[] = agencies
    .filter((agency) => agency.role === "primary")
    .map((agency): Candidate => {
      const primaryFrom = agency.from.filter((contribution) => contribution.role === "primary");
      const ranks = primaryFrom.map((contribution) => {
        const priority = priorityOf(contribution.ruleIndex);
        return priority === undefined ? Number.MAX_SAFE_INTEGER : priorityRank(priority);
      });
      return {
        agency,
        scores: [
          primaryFrom.some((contribution) => contribution.lead) ? 0 : 1,
          Math.min(...ranks),
          agency.ackWithinMinutes,
        ],
      };
    })
    .sort(compareCandidates);
  const [first, second] = candidates;
  if (first === undefined) return null;
  const from = first.agency.from
    .filter((contribution) => contribution.role === "primary")
    .map(({ ruleId, ruleIndex }) => ({ ruleId, ruleIndex }));
  return {
    key: first.agency.key,
    reason: second === undefined ? "only_primary" : decidingCriterion(first, second),
    from,
  };
}

function compareCandidates(a: Candidate, b: Candidate): number {
  for (const [index, score] of a.scores.entries()) {
    const difference = score - (b.scores[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return compareStrings(a.agency.key, b.agency.key);
}

function decidingCriterion(winner: Candidate, runnerUp: Candidate): LeadReason {
  const index = winner.scores.findIndex((score, at) => score !== runnerUp.scores[at]);
  return criteria[index] ?? "code_order";
}
