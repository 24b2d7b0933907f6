import { z } from "zod";
import {
  incidentFlagSchema,
  incidentSubtypeCodeSchema,
  incidentTypeCodeSchema,
  kecamatanCodeSchema,
  severitySchema,
} from "./primitives.ts";

/** The facts the operator recorded; omitted facts are unknown, not zero (see README). */
export const incidentSchema = z
  .strictObject({
    type: incidentTypeCodeSchema,
    subtype: incidentSubtypeCodeSchema.optional(),
    severity: severitySchema.optional(),
    casualties: z.int().min(0).max(100000).optional(),
    flags: z.array(incidentFlagSchema).max(50).optional(),
    kecamatan: kecamatanCodeSchema.optional(),
    description: z.string().max(10000).optional(),
  })
  .refine(
    (incident) =>
      incident.subtype === undefined || incident.subtype.startsWith(`${incident.type}.`),
    {
      message:
        "The subtype must belong to the type, e.g. type 'fire' with subtype 'fire.building'.",
      path: ["subtype"],
    },
  );

export type Incident = z.output<typeof incidentSchema>;
