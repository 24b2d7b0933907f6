import type { Proposal } from "./types.ts";

type Line = Proposal["lines"][number];
type Other = Proposal["others"][number];
type Role = Line["role"];

/** A line of the SOP's plan: sent as proposed, or left out with a reason. */
export interface LineChoice {
  line: Line;
  send: boolean;
  removalReason: string;
}

/** An agency outside the plan the operator may add, in a role, with a reason. */
export interface AddedChoice {
  agency: Other;
  send: boolean;
  role: Role;
  reason: string;
}

/** What makes one proposal another plan: its agencies, their roles and lead, and who else may be added. */
export function planKey(proposal: Proposal): string {
  return JSON.stringify([
    proposal.source,
    proposal.lines.map((line) => [line.agencyId, line.role, line.lead]),
    proposal.others.map((other) => other.agencyId),
  ]);
}

/** Where the form shows a problem: `removal:<agencyId>`, `reason:<agencyId>`, or `agencies` for the whole plan. */
export type DispatchField = `removal:${string}` | `reason:${string}` | "agencies";

/**
 * The operator's confirmation of a proposal. The API wants a reason for every proposed agency left
 * out and for every agency added (or sent in another role), so the SOP's plan stays the default
 * and every change to it is explained on the timeline.
 */
export class DispatchDraft {
  /** The plan this copy started from (`planKey`). */
  readonly plan: string;
  lines: LineChoice[] = $state([]);
  added: AddedChoice[] = $state([]);
  /** The agency that leads on scene, or blank for none. */
  lead = $state("");

  constructor(plan: string, proposal: Proposal) {
    this.plan = plan;
    this.lines = proposal.lines.map((line) => ({ line, send: true, removalReason: "" }));
    // A manual plan has no lines: whatever the operator picks is the response itself.
    const role: Role = proposal.source === "manual" ? "primary" : "support";
    this.added = proposal.others.map((agency) => ({ agency, send: false, role, reason: "" }));
    this.lead = proposal.lines.find((line) => line.lead)?.agencyId ?? "";
  }

  /** The agencies to send, in the order the API receives them (its problems name them by index). */
  readonly sent = $derived([
    ...this.lines
      .filter((choice) => choice.send)
      .map((choice) => ({
        agencyId: choice.line.agencyId,
        name: choice.line.name,
        role: choice.line.role,
        reason: null,
      })),
    ...this.added
      .filter((choice) => choice.send)
      .map((choice) => ({
        agencyId: choice.agency.agencyId,
        name: choice.agency.name,
        role: choice.role,
        reason: choice.reason.trim(),
      })),
  ]);

  /** Only a primary agency can lead. */
  readonly leadChoices = $derived(this.sent.filter((agency) => agency.role === "primary"));
  /** The lead as it would be sent: the chosen agency while it goes as a primary one, else none. */
  readonly leadSent = $derived(
    this.leadChoices.some((agency) => agency.agencyId === this.lead) ? this.lead : "",
  );

  problems(): DispatchField[] {
    const problems: DispatchField[] = [];
    if (this.sent.length === 0) problems.push("agencies");
    for (const choice of this.lines)
      if (!choice.send && choice.removalReason.trim() === "")
        problems.push(`removal:${choice.line.agencyId}`);
    for (const choice of this.added)
      if (choice.send && choice.reason.trim() === "")
        problems.push(`reason:${choice.agency.agencyId}`);
    return problems;
  }

  /** The field of an API problem path (`agencies.2.reason`), or undefined for the form as a whole. */
  fieldOf(path: string): DispatchField | undefined {
    const index = /^agencies\.(\d+)\.reason$/.exec(path)?.[1];
    const agency = index === undefined ? undefined : this.sent[Number(index)];
    return agency ? `reason:${agency.agencyId}` : undefined;
  }

  input(incidentId: string) {
    const lead = this.leadSent;
    return {
      incidentId,
      agencies: this.sent.map((agency) => ({
        agencyId: agency.agencyId,
        role: agency.role,
        lead: agency.agencyId === lead,
        reason: agency.reason,
      })),
      removals: this.lines
        .filter((choice) => !choice.send)
        .map((choice) => ({ agencyId: choice.line.agencyId, reason: choice.removalReason.trim() })),
    };
  }
}
