import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { TenantTx } from "@sigap/db/client";
import {
  appendTimeline,
  findAssignment,
  findIncident,
  updateAssignment,
  updateIncident,
  type TimelineEntry,
} from "@sigap/db/queries";
import { optionalText } from "../calls/closing.ts";
import { coordinateInIndonesia } from "../validation/coordinate.ts";
import { assignmentReportProblem, incidentTakesReports, responderStatuses } from "./status.ts";

/** What a responder (or an operator writing down a phone call) reports on one assignment. */
export const reportInput = z.object({
  status: z.enum(responderStatuses, {
    error: `status must be one of ${responderStatuses.join(", ")}`,
  }),
  note: optionalText("note", 1000),
  /** Where the responder is, when the phone shares it. */
  position: z
    .object({
      latitude: coordinateInIndonesia("position.latitude", "latitude"),
      longitude: coordinateInIndonesia("position.longitude", "longitude"),
    })
    .nullish()
    .transform((value) => value ?? null),
});

export type AssignmentReport = z.output<typeof reportInput>;

export interface Reporter {
  userId: string | null;
  /** As the timeline names them: "Budi (Damkar)", "Damkar (tautan responder)", "Budi untuk Damkar (telepon)". */
  label: string;
  via: "responder" | "link" | "operator" | "agency_system";
}

/**
 * Records a report on an assignment. Any report after `notified` acknowledges it (a responder who
 * forgot to tap "acknowledge" and reports "on scene" has acknowledged), so escalation stops; a
 * repeated acknowledgement changes nothing. The first agency on scene moves a dispatched incident
 * to `in_progress`.
 */
export async function reportOnAssignment(
  tx: TenantTx,
  tenantId: string,
  assignmentId: string,
  report: AssignmentReport,
  reporter: Reporter,
  now: Date,
) {
  const assignment = await findAssignment(tx, assignmentId);
  if (!assignment) throw new TRPCError({ code: "NOT_FOUND", message: "No such assignment" });
  const incident = await findIncident(tx, assignment.incidentId, { lock: true });
  if (!incident || !incidentTakesReports(incident.status))
    throw new TRPCError({
      code: "CONFLICT",
      message: `The incident is ${incident?.status ?? "gone"}: it takes no more reports`,
    });
  const problem = assignmentReportProblem(assignment.status);
  if (problem) throw new TRPCError({ code: "CONFLICT", message: problem });

  const repeat = report.status === "acknowledged" && assignment.status !== "notified";
  const updated = repeat
    ? assignment
    : await updateAssignment(tx, assignment.id, {
        status: report.status,
        acknowledgedAt: assignment.acknowledgedAt ?? now,
      });
  const agency = assignment.agencyName;
  const entries: TimelineEntry[] = [
    {
      incidentId: incident.id,
      kind: "agency_report",
      actorUserId: reporter.userId,
      actorLabel: reporter.label,
      data: {
        agency,
        status: report.status,
        note: report.note,
        position: report.position,
        via: reporter.via,
        repeat,
      },
    },
  ];
  if (report.status === "on_scene" && incident.status === "dispatched") {
    await updateIncident(tx, incident.id, { status: "in_progress" });
    entries.push({
      incidentId: incident.id,
      kind: "status_changed",
      actorUserId: null,
      actorLabel: "Sistem",
      data: { from: "dispatched", to: "in_progress" },
    });
  }
  await appendTimeline(tx, tenantId, entries);
  return {
    assignmentId: updated.id,
    status: updated.status,
    acknowledgedAt: updated.acknowledgedAt?.toISOString() ?? null,
  };
}
