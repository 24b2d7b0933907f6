import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { TenantTx } from "@sigap/db/client";
import {
  currentTenantProfile,
  findAssignmentIncidentId,
  findIncident,
  listAssignments,
} from "@sigap/db/queries";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { incidentBrief } from "../../incidents/load.ts";
import { reportInput, reportOnAssignment } from "../../incidents/report.ts";
import { readResponderLinkToken } from "../../incidents/responder-link.ts";
import { createRouter, publicProcedure } from "../init.ts";

const tokenInput = z.object({
  token: z
    .string({ error: "token must be text" })
    .min(10, { error: "token must be the link's token" })
    .max(400, { error: "token must be the link's token" }),
});

/** The same answer for a forged, altered, expired or foreign token: a link opens its one assignment or nothing. */
function linkRefused(): TRPCError {
  return new TRPCError({
    code: "NOT_FOUND",
    message: "This link is not valid or has expired: ask the 112 call centre for a new one",
  });
}

/** The incident of an assignment and every assignment of that incident; empty when the assignment is unknown (here). */
async function assignmentWithIncident(tx: TenantTx, assignmentId: string) {
  const incidentId = await findAssignmentIncidentId(tx, assignmentId);
  if (!incidentId) return { incident: undefined, assignments: [] };
  const [incident, assignments] = await Promise.all([
    findIncident(tx, incidentId, { lock: false }),
    listAssignments(tx, incidentId),
  ]);
  return { incident, assignments };
}

/**
 * What a responder link opens, without a password: the one assignment it was made for (what, where,
 * by when, the other agencies on the way) and reporting on it. Nothing else of the tenant.
 */
export const responderLinkRouter = createRouter({
  view: publicProcedure.input(tokenInput).query(async ({ ctx, input }) => {
    const claim = readResponderLinkToken(ctx.config.secretKeys, input.token, new Date());
    if (!claim) throw linkRefused();
    return withTenant(
      ctx.db,
      asTenantId(claim.tenantId),
      async (tx) => {
        const [{ incident, assignments }, region] = await Promise.all([
          assignmentWithIncident(tx, claim.assignmentId),
          currentTenantProfile(tx),
        ]);
        const mine = assignments.find((assignment) => assignment.id === claim.assignmentId);
        if (!mine || !incident) throw linkRefused();
        return {
          // Deadlines read in the region's own time, wherever the responder's phone is set.
          timeZone: region.timeZone,
          assignment: {
            id: mine.id,
            agencyName: mine.agencyName,
            role: mine.role,
            lead: mine.lead,
            status: mine.status,
            ackDeadline: mine.ackDeadline.toISOString(),
            acknowledgedAt: mine.acknowledgedAt?.toISOString() ?? null,
          },
          incident: { status: incident.status, ...(await incidentBrief(tx, incident)) },
          // Who else is coming, by name and state only: the scene is shared.
          others: assignments
            .filter((other) => other.id !== mine.id && other.status !== "withdrawn")
            .map((other) => ({
              agencyName: other.agencyName,
              role: other.role,
              lead: other.lead,
              status: other.status,
            })),
        };
      },
      { readOnly: true },
    );
  }),

  report: publicProcedure
    .input(tokenInput.extend(reportInput.shape))
    .mutation(async ({ ctx, input }) => {
      const claim = readResponderLinkToken(ctx.config.secretKeys, input.token, new Date());
      if (!claim) throw linkRefused();
      const report = { status: input.status, note: input.note, position: input.position };
      return withTenant(ctx.db, asTenantId(claim.tenantId), async (tx) => {
        const assignment = (await assignmentWithIncident(tx, claim.assignmentId)).assignments.find(
          (candidate) => candidate.id === claim.assignmentId,
        );
        if (!assignment) throw linkRefused();
        return reportOnAssignment(
          tx,
          claim.tenantId,
          claim.assignmentId,
          report,
          { userId: null, label: `${assignment.agencyName} (tautan responder)`, via: "link" },
          new Date(),
        );
      });
    }),
});
