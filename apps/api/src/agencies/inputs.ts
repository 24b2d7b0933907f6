import { z } from "zod";
import { agencyTypes } from "@sigap/sop-engine";
import { emailAddress } from "../validation/email.ts";
import { indonesianPhone } from "../validation/phone.ts";
import { singleLine } from "../validation/text.ts";
import { webhookUrl } from "../validation/url.ts";

const typeCodes = agencyTypes.map((type) => type.code);

export const agencyType = z.enum(typeCodes, {
  error: `agencyType must be one of the national catalogue: ${typeCodes.join(", ")}`,
});

export const agencyName = z
  .string()
  .trim()
  .min(1, { error: "name is required" })
  .max(200, { error: "name must be at most 200 characters" })
  .refine(...singleLine("name"));

/** Kemendagri kecamatan codes (`35.15.01`); whether they lie in the tenant's region is checked against the registry. */
export const coverage = z
  .array(
    z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, {
      error: "coverageDistrictCodes must hold kecamatan codes such as 35.15.01",
    }),
  )
  .max(500, { error: "coverageDistrictCodes has too many entries" })
  .nullable();

const clockPattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const dayRange = "day must be a whole number from 1 (Monday) to 7 (Sunday)";

/**
 * A weekly window in the tenant's time zone; `day` is ISO (1 Monday … 7 Sunday). A window ends
 * the same day (`to` may be 24:00, midnight); a night shift is two windows.
 */
const weeklyWindow = z
  .object({
    day: z.int({ error: dayRange }).min(1, { error: dayRange }).max(7, { error: dayRange }),
    from: z.string().regex(clockPattern, { error: "from must be a time HH:MM, 00:00 to 23:59" }),
    to: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, {
      error: "to must be a time HH:MM, 00:01 to 24:00",
    }),
  })
  .refine((window) => window.from < window.to, {
    path: ["to"],
    error: "to must be later than from",
  });

const hoursShape =
  'operatingHours must be {"always": true} or {"weekly": [{"day": 1, "from": "07:00", "to": "16:00"}, …]}';

/** `{ always: true }`, or weekly windows (stored sorted by day and time). */
export const operatingHours = z
  .strictObject(
    {
      always: z.literal(true, { error: hoursShape }).optional(),
      weekly: z
        .array(weeklyWindow)
        .min(1, { error: "operatingHours.weekly needs at least one window" })
        .max(70, { error: "operatingHours.weekly has too many windows" })
        .optional(),
    },
    { error: hoursShape },
  )
  .refine((hours) => (hours.always === undefined) !== (hours.weekly === undefined), {
    error: hoursShape,
  })
  .transform((hours): { always: true } | { weekly: z.infer<typeof weeklyWindow>[] } =>
    hours.weekly
      ? { weekly: hours.weekly.toSorted((a, b) => a.day - b.day || a.from.localeCompare(b.from)) }
      : { always: true },
  );

export type OperatingHours = z.infer<typeof operatingHours>;

/** A contact's note ("piket malam"); blank means none. Absent in a patch means unchanged. */
const labelPatch = z
  .string()
  .trim()
  .max(100, { error: "label must be at most 100 characters" })
  .transform((value) => value || null)
  .nullable()
  .optional();
const label = labelPatch.transform((value) => value ?? null);

/** A contact's value, checked and normalised as its kind requires (E.164 for numbers). */
export const contactValue = {
  phone: indonesianPhone("value (phone number)"),
  whatsapp: indonesianPhone("value (WhatsApp number)"),
  email: emailAddress("value (email)"),
  webhook: webhookUrl("value (webhook URL)"),
} as const;

export const newContact = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("phone"), value: contactValue.phone, label }),
    z.object({ kind: z.literal("whatsapp"), value: contactValue.whatsapp, label }),
    z.object({ kind: z.literal("email"), value: contactValue.email, label }),
    z.object({ kind: z.literal("webhook"), value: contactValue.webhook, label }),
  ],
  { error: "kind must be one of phone, whatsapp, email, webhook" },
);

export const contactPatch = z.object({ value: z.string().optional(), label: labelPatch });
