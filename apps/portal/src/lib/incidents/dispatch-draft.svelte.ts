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

/**
 * What makes one proposal another plan: its agencies, their roles and lead, who else may be added,
 * and which agencies were already sent.
 */
export function planKey(proposal: Proposal, assigned?: ReadonlySet<string>): string {
  return JSON.stringify([
    proposal.source,
    proposal.lines.map((line) => [line.agencyId, line.role, line.lead]),
    proposal.others.map((other) => other.agencyId),
    assigned ? [...assigned].sort() : null,
  ]);
}

/** Where the form shows a problem: `removal:<agencyId>`, `reason:<agencyId>`, or `agencies` for the whole plan. */
export type DispatchField = `removal:${string}` | `reason:${string}` | "agencies";

/**
 * The operator's confirmation of a proposal. The API wants a reason for every proposed agency left
 * out and for every agency added (or sent in another role), so the SOP's plan stays the default
 * and every change to it is explained on the timeline.
 *
 * Given the agencies already `assigned`, it is instead the choice of more agencies for an incident
 * under way: what the SOP now proposes that was not sent (ticked, as the SOP wants it) and the
 * region's other agencies; leaving a proposed one out needs no reason then, and the lead stays.
 */
export class DispatchDraft {
  /** The plan this copy started from (`planKey`). */
  readonly plan: string;
  /** Adding to an incident already dispatched, rather than dispatching it. */
  readonly adding: boolean;
  lines: LineChoice[] = $state([]);
  added: AddedChoice[] = $state([]);
  /** The agency that leads on scene, or blank for none. */
  lead = $state("");

  constructor(plan: string, proposal: Proposal, assigned?: ReadonlySet<string>) {
    this.plan = plan;
    this.adding = assigned !== undefined;
    const unsent = ({ agencyId }: { agencyId: string }) => !assigned?.has(agencyId);
    this.lines = proposal.lines
      .filter((line) => unsent(line))
      .map((line) => ({ line, send: true, removalReason: "" }));
    // A manual plan has no lines: whatever the operator picks is the response itself.
    const role: Role = proposal.source === "manual" && !this.adding ? "primary" : "support";
    this.added = proposal.others
      .filter(unsent)
      .map((agency) => ({ agency, send: false, role, reason: "" }));
    this.lead = this.adding ? "" : (proposal.lines.find((line) => line.lead)?.agencyId ?? "");
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
      if (!this.adding && !choice.send && choice.removalReason.trim() === "")
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

  /** What `incidents.addAgencies` takes: the agencies to add, without lead or removals. */
  additionInput(incidentId: string) {
    return {
      incidentId,
      agencies: this.sent.map(({ agencyId, role, reason }) => ({ agencyId, role, reason })),
    };
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
