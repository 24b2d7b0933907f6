import { z } from "@hono/zod-openapi";
import { callEventTypes } from "@sigap/db/schema";
import { momentSchema } from "@sigap/sop-engine";
import { indonesianPhone } from "../validation/phone.ts";
import { singleLine } from "../validation/text.ts";

/** How many events one request may carry. */
export const maxEventsPerRequest = 100;

const instant = (field: string) => momentSchema(field).transform((value) => new Date(value));

const label = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1, { error: `${field} must not be empty` })
    .max(max, { error: `${field} must have at most ${String(max)} characters` })
    .refine(...singleLine(field));

/** A device location as Advanced Mobile Location (ETSI TS 103 625) reports it. */
const deviceLocation = z.object({
  latitude: z.number({ error: "location.latitude must be a number" }).min(-90).max(90),
  longitude: z.number({ error: "location.longitude must be a number" }).min(-180).max(180),
  accuracyMeters: z
    .number({ error: "location.accuracyMeters must be a number of metres" })
    .positive()
    .max(100_000),
  fixedAt: momentSchema("location.fixedAt"),
  positioningMethod: z.enum(["gnss", "wifi", "cell", "hybrid", "unknown"], {
    error: "location.positioningMethod must be one of gnss, wifi, cell, hybrid, unknown",
  }),
});

export const telephonyEventSchema = z
  .object({
    eventId: label("eventId", 200),
    type: z.enum(callEventTypes, { error: `type must be one of ${callEventTypes.join(", ")}` }),
    /** The PBX/SBC's own id for the call (SIP Call-ID, channel id): all events of a call share it. */
    callId: label("callId", 255),
    did: indonesianPhone("did"),
    /** The caller's number (ANI); null when withheld. */
    caller: indonesianPhone("caller").nullable(),
    occurredAt: instant("occurredAt"),
    /** For call.answered: the operator seat or extension that answered. */
    seat: label("seat", 100).optional(),
    /** For call.transferred: where the call went. */
    transferredTo: label("transferredTo", 100).optional(),
    location: deviceLocation.optional(),
  })
  .superRefine((event, check) => {
    if (event.type === "call.answered" && event.seat === undefined) {
      check.addIssue({
        code: "custom",
        path: ["seat"],
        message: "seat must name the operator seat or extension that answered",
      });
    }
    if (event.type === "call.transferred" && event.transferredTo === undefined) {
      check.addIssue({
        code: "custom",
        path: ["transferredTo"],
        message: "transferredTo must say where the call went",
      });
    }
  })
  .openapi("TelephonyEvent");

export type TelephonyEvent = z.output<typeof telephonyEventSchema>;

/** A request carries one event, or several as `{ events: [...] }`. */
export const telephonyBatchSchema = z
  .object({
    events: z
      .array(telephonyEventSchema)
      .min(1, { error: "events must hold at least one event" })
      .max(maxEventsPerRequest, {
        error: `events must hold at most ${String(maxEventsPerRequest)} events`,
      }),
  })
  .openapi("TelephonyEventBatch");
