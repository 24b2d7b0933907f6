import { z } from "zod";
import { callClassifications, type OperatorLocation } from "@sigap/db/schema";
import { incidentTypes } from "@sigap/sop-engine";
import { coordinateInIndonesia } from "../validation/coordinate.ts";
import { singleLine } from "../validation/text.ts";

// What an operator sends to close a call: the classification and what each kind needs.

/** Every national type and subtype code an incident may carry. */
const incidentCodes: ReadonlySet<string> = new Set(
  incidentTypes.flatMap((type) => [type.code, ...type.subtypes.map((subtype) => subtype.code)]),
);

export const optionalText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, { error: `${field} must have at most ${String(max)} characters` })
    .transform((value) => (value === "" ? null : value))
    .nullish()
    .transform((value) => value ?? null);

/** A latitude or longitude inside Indonesia, or null. */
function coordinate(field: string, axis: "latitude" | "longitude") {
  return coordinateInIndonesia(field, axis)
    .nullish()
    .transform((value) => value ?? null);
}

export const operatorLocationInput = z
  .object({
    latitude: coordinate("location.latitude", "latitude"),
    longitude: coordinate("location.longitude", "longitude"),
    kecamatanCode: z
      .string({ error: "location.kecamatanCode must be text" })
      .regex(/^\d{2}\.\d{2}\.\d{2}$/, {
        error: "location.kecamatanCode must be a kecamatan code such as 35.15.01",
      })
      .nullish()
      .transform((value) => value ?? null),
    address: optionalText("location.address", 500).refine(
      ...nullableSingleLine("location.address"),
    ),
  })
  .refine((location) => (location.latitude === null) === (location.longitude === null), {
    error: "location needs both latitude and longitude, or neither",
    path: ["longitude"],
  }) satisfies z.ZodType<OperatorLocation>;

function nullableSingleLine(field: string) {
  const [check, message] = singleLine(field);
  return [(value: string | null) => value === null || check(value), message] as const;
}

/** What happens, main type first: codes of the national incident types and subtypes (SOP taxonomy). */
export const incidentTypesInput = z
  .array(
    z
      .string({ error: "incidentTypes must be incident type codes" })
      .refine((code) => incidentCodes.has(code), {
        error:
          "incidentTypes must hold codes of the national incident types, such as fire or fire.vehicle",
      }),
    { error: "incidentTypes must be a list of incident type codes" },
  )
  .max(5, { error: "incidentTypes may hold at most 5 types" })
  .refine((codes) => new Set(codes).size === codes.length, {
    error: "incidentTypes must not repeat a type",
  });

export const closeCallInput = z
  .object({
    callId: z.uuid({ error: "callId must be a call's id" }),
    classification: z.enum(callClassifications, {
      error: `classification must be one of ${callClassifications.join(", ")}`,
    }),
    note: optionalText("note", 2000),
    location: operatorLocationInput.nullish().transform((value) => value ?? null),
    /** For an emergency: what happens, main type first (SOP taxonomy codes). */
    incidentTypes: incidentTypesInput.default([]),
    /** For an emergency already reported: the open incident this call is about (another caller of the same fire); none opens a new one. */
    attachTo: z
      .uuid({ error: "attachTo must be an open incident's id" })
      .nullish()
      .transform((value) => value ?? null),
    /** For a wrong-region call: the kabupaten/kota the caller needed (Kemendagri code). */
    wrongRegionCode: z
      .string({ error: "wrongRegionCode must be text" })
      .regex(/^\d{2}\.\d{2}$/, {
        error: "wrongRegionCode must be a kabupaten/kota code such as 35.15",
      })
      .nullish()
      .transform((value) => value ?? null),
  })
  .superRefine((input, check) => {
    if (input.classification === "emergency" && input.incidentTypes.length === 0) {
      check.addIssue({
        code: "custom",
        path: ["incidentTypes"],
        message: "incidentTypes is required for an emergency: say what happens",
      });
    }
    if (input.classification !== "emergency" && input.incidentTypes.length > 0) {
      check.addIssue({
        code: "custom",
        path: ["incidentTypes"],
        message: "incidentTypes is only for an emergency",
      });
    }
    if (input.classification !== "emergency" && input.attachTo !== null) {
      check.addIssue({
        code: "custom",
        path: ["attachTo"],
        message: "attachTo is only for an emergency",
      });
    }
    if (input.classification === "wrong_region" && input.wrongRegionCode === null) {
      check.addIssue({
        code: "custom",
        path: ["wrongRegionCode"],
        message: "wrongRegionCode is required: say which region the caller needed",
      });
    }
    if (input.classification !== "wrong_region" && input.wrongRegionCode !== null) {
      check.addIssue({
        code: "custom",
        path: ["wrongRegionCode"],
        message: "wrongRegionCode is only for a wrong-region call",
      });
    }
  });

export type CloseCallInput = z.output<typeof closeCallInput>;
