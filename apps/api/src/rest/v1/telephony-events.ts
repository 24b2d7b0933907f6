import { createRoute, z } from "@hono/zod-openapi";
import { acceptTelephonyEvents } from "../../telephony/accept-events.ts";
import { telephonyBatchSchema, telephonyEventSchema } from "../../telephony/events-schema.ts";
import { signatureHeader, timestampHeader } from "../../telephony/signature.ts";
import { errorSchema } from "./error-schema.ts";
import type { V1App, V1Dependencies } from "./context.ts";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: errorSchema } },
});

const route = createRoute({
  method: "post",
  path: "/telephony/events",
  tags: ["Telephony"],
  summary: "Report calls from a trunk's PBX or SBC",
  description: [
    "The life of each call on a region's 112 line: `call.offered`, `call.answered`, `call.transferred`, `call.abandoned`, `call.ended`.",
    "The dialled number (`did`) decides the region. Send one event, or up to 100 as `{ events: [...] }`, all for numbers of one trunk.",
    "",
    `Signed per trunk: \`${timestampHeader}\` is the current Unix time in seconds, and \`${signatureHeader}\` is \`sha256=\` followed by the hex HMAC-SHA256 of \`<timestamp>.<raw body>\` keyed with the trunk's event secret (during a rotation the previous secret is accepted too).`,
    "A timestamp more than 5 minutes from the platform's clock is refused as a replay.",
    "",
    "Each event is kept under its `eventId`: sending it again changes nothing and gets the same answer, so a sender retries until it gets a 2xx, which means the events are committed.",
    "Events may arrive in any order; a call's state is derived from all of its events.",
    "Refused requests are kept for the platform's administrators.",
  ].join("\n"),
  request: {
    headers: z.object({
      [timestampHeader.toLowerCase()]: z.string().openapi({ example: "1796371200" }),
      [signatureHeader.toLowerCase()]: z
        .string()
        .openapi({ example: "sha256=5d41402abc4b2a76b9719d911017c592…" }),
    }),
    body: {
      required: true,
      content: {
        "application/json": { schema: z.union([telephonyEventSchema, telephonyBatchSchema]) },
      },
    },
  },
  responses: {
    200: {
      description:
        "Every event committed; per event, in request order, the platform's id of its call",
      content: {
        "application/json": {
          schema: z
            .object({ accepted: z.array(z.object({ eventId: z.string(), callId: z.uuid() })) })
            .openapi("AcceptedTelephonyEvents"),
        },
      },
    },
    400: error("Invalid input; `issues` names each offending field"),
    401: error(
      "`BAD_SIGNATURE`: missing or wrong signature; `STALE_TIMESTAMP`: the timestamp is more than 5 minutes off",
    ),
    403: error("`TRUNK_DISABLED`: the trunk the number arrives on is disabled"),
    404: error("`UNKNOWN_DID`: no region answers the dialled number"),
    409: error("`CONFLICT`: an event id was already used for a different event"),
  },
});

export function registerTelephonyEvents(app: V1App, deps: V1Dependencies) {
  // Registered without the generated validators: the signature covers the raw body, so the body is
  // read as sent and checked (headers, then JSON, then fields) by acceptTelephonyEvents.
  app.post(route.path, async (c) => {
    const accepted = await acceptTelephonyEvents(c.get("db"), deps.secretBox, {
      body: await c.req.text(),
      timestamp: c.req.header(timestampHeader),
      signature: c.req.header(signatureHeader),
      remoteAddress: deps.clientIp(c),
      now: new Date(),
    });
    return c.json({ accepted }, 200);
  });
  app.openAPIRegistry.registerPath(route);
}
