import { createRoute, z } from "@hono/zod-openapi";
import { acceptAgencyReport, agencyReportSchema } from "../../incidents/agency-report.ts";
import { signatureHeader, timestampHeader } from "../../telephony/signature.ts";
import { errorSchema } from "./error-schema.ts";
import type { V1App, V1Dependencies } from "./context.ts";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: errorSchema } },
});

const route = createRoute({
  method: "post",
  path: "/regions/{slug}/agency-reports",
  tags: ["Dispatch"],
  summary: "Acknowledge or update an assignment from an agency's own system",
  description: [
    "An agency's dispatch system answers a notification it received on its webhook (`incident.assigned`): it acknowledges the assignment, then reports `en_route`, `on_scene`, `needs_backup` and `done`, with an optional note and position.",
    "`assignmentId` is the notification's `assignment.id`; `slug` is its `region.slug`; `contactId` is the webhook contact the notification was sent to.",
    "",
    `Signed with that webhook's signing secret, as the notifications are: \`${timestampHeader}\` is the current Unix time in seconds, and \`${signatureHeader}\` is \`sha256=\` followed by the hex HMAC-SHA256 of \`<timestamp>.<raw body>\`. A timestamp more than 5 minutes off is refused as a replay.`,
    "",
    "Each report is kept under its `reportId`: sending it again changes nothing and gets the first answer, so a sender retries until it gets a 2xx. The same `reportId` with another assignment or status is a conflict.",
  ].join("\n"),
  request: {
    params: z.object({ slug: z.string().openapi({ example: "sidoarjo" }) }),
    headers: z.object({
      [timestampHeader.toLowerCase()]: z.string().openapi({ example: "1796371200" }),
      [signatureHeader.toLowerCase()]: z
        .string()
        .openapi({ example: "sha256=5d41402abc4b2a76b9719d911017c592…" }),
    }),
    body: {
      required: true,
      content: { "application/json": { schema: agencyReportSchema.openapi("AgencyReport") } },
    },
  },
  responses: {
    200: {
      description: "The report is committed; the assignment as it stands now",
      content: {
        "application/json": {
          schema: z
            .object({
              assignmentId: z.uuid(),
              status: z.string(),
              acknowledgedAt: z.string().nullable(),
            })
            .openapi("AgencyReportAnswer"),
        },
      },
    },
    400: error("Invalid input; `issues` names each offending field"),
    401: error(
      "`BAD_SIGNATURE`: missing or wrong signature, or an unknown contact; `STALE_TIMESTAMP`: the timestamp is more than 5 minutes off",
    ),
    404: error("`NOT_FOUND`: no such region, or no such assignment for the contact's agency"),
    409: error(
      "`CONFLICT`: the report id was used for another report, or the assignment or incident takes no more reports",
    ),
  },
});

export function registerAgencyReports(app: V1App, deps: V1Dependencies) {
  // Without the generated validators: the signature covers the raw body, so it is read as sent.
  app.post(route.getRoutingPath(), async (c) => {
    const answer = await acceptAgencyReport(c.get("db"), deps.secretBox, {
      regionSlug: c.req.param("slug"),
      body: await c.req.text(),
      timestamp: c.req.header(timestampHeader),
      signature: c.req.header(signatureHeader),
      now: new Date(),
    });
    return c.json(answer, 200);
  });
  app.openAPIRegistry.registerPath(route);
}
