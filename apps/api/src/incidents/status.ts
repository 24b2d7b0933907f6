import type { AssignmentStatus, IncidentStatus } from "@sigap/db/queries";

/**
 * Where an incident may go from each status. Dispatch itself (`new → dispatched`) is its own
 * action with a plan; the rest are the operator's. A resolved incident may be reopened (the fire
 * flares up again); closed and cancelled are final.
 */
const incidentMoves: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ["cancelled"],
  dispatched: ["in_progress", "resolved", "cancelled"],
  in_progress: ["resolved", "cancelled"],
  resolved: ["in_progress", "closed"],
  closed: [],
  cancelled: [],
};

/** Statuses an operator can set by hand (everything but `new` and `dispatched`). */
export const settableIncidentStatuses = ["in_progress", "resolved", "closed", "cancelled"] as const;
export type SettableIncidentStatus = (typeof settableIncidentStatuses)[number];

/** Why `from → to` is refused, or null when it is allowed. */
export function incidentMoveProblem(from: IncidentStatus, to: IncidentStatus): string | null {
  if (incidentMoves[from].includes(to)) return null;
  if (from === "new" && (to === "in_progress" || to === "resolved"))
    return "Dispatch the incident first: it has no agencies yet";
  if (from === "closed" || from === "cancelled")
    return `The incident is ${from}: it cannot change any more`;
  return `An incident cannot go from ${from} to ${to}`;
}

/** What a responder reports, in the order a response goes; `done` ends the agency's part. */
export const responderStatuses = [
  "acknowledged",
  "en_route",
  "on_scene",
  "needs_backup",
  "done",
] as const;
export type ResponderStatus = (typeof responderStatuses)[number];

/**
 * Why a responder's report is refused, or null. Reports may come in any order (a responder who
 * forgot to acknowledge reports "on scene", which acknowledges too); only a finished or withdrawn
 * assignment takes none.
 */
export function assignmentReportProblem(from: AssignmentStatus): string | null {
  if (from === "withdrawn") return "The agency was taken off this incident";
  if (from === "done") return "The agency's part is already done";
  return null;
}

/** Incident statuses in which agencies still respond. */
export function incidentTakesReports(status: IncidentStatus): boolean {
  return status === "dispatched" || status === "in_progress" || status === "resolved";
}
