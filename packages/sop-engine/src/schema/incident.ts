import { z } from "zod";
import type { CustomCheck } from "../finding-params.ts";
import {
  incidentFlagSchema,
  incidentSubtypeCodeSchema,
  incidentTypeCodeSchema,
  kecamatanCodeSchema,
  severitySchema,
} from "./primitives.ts";

const subtypeMessage =
  "The subtype must belong to the type, e.g. type 'fire' with subtype 'fire.building'.";

const subtypeCheck = { check: "subtype_outside_type" } satisfies CustomCheck;

const belongs = (kind: { type?: string | undefined; subtype?: string | undefined }) =>
  kind.subtype === undefined || kind.subtype.startsWith(`${kind.type ?? ""}.`);

/** One kind an incident is: a type, and its subtype when the operator knows it. */
export const incidentKindSchema = z
  .strictObject({ type: incidentTypeCodeSchema, subtype: incidentSubtypeCodeSchema.optional() })
  .refine(belongs, { message: subtypeMessage, path: ["subtype"], params: subtypeCheck });

export type IncidentKind = z.output<typeof incidentKindSchema>;

/** More kinds than this is a description, not a classification. */
const maxKinds = 5;

/**
 * The facts the operator recorded; omitted facts are unknown, not zero (see README). A single
 * kind is written `type` (+ `subtype`); an incident of several kinds (a crash with a burning car)
 * lists them in `types`, the main one first. Either way the engine reads `types`.
 */
export const incidentSchema = z
  .strictObject({
    type: incidentTypeCodeSchema.optional(),
    subtype: incidentSubtypeCodeSchema.optional(),
    types: z
      .array(incidentKindSchema)
      .min(1)
      .max(maxKinds)
      .optional()
      .meta({ description: "Every kind the incident is, the main one first." }),
    severity: severitySchema.optional(),
    casualties: z.int().min(0).max(100000).optional(),
    flags: z.array(incidentFlagSchema).max(50).optional(),
    kecamatan: kecamatanCodeSchema.optional(),
    description: z.string().max(10000).optional(),
  })
  .superRefine((incident, context) => {
    const single = incident.type !== undefined || incident.subtype !== undefined;
    if (incident.types !== undefined && single) {
      context.addIssue({
        code: "custom",
        path: ["types"],
        message: "Give either `type` (with `subtype`) or `types`, not both.",
        params: { check: "type_and_types" } satisfies CustomCheck,
      });
    } else if (incident.types === undefined && incident.type === undefined) {
      context.addIssue({
        code: "custom",
        path: ["type"],
        message: "`type` is required, or `types` for an incident of several kinds.",
        params: { check: "type_missing" } satisfies CustomCheck,
      });
    } else if (!belongs(incident)) {
      context.addIssue({
        code: "custom",
        path: ["subtype"],
        message: subtypeMessage,
        params: subtypeCheck,
      });
    }
    const seen = new Set<string>();
    incident.types?.forEach((kind, index) => {
      const code = kind.subtype ?? kind.type;
      if (seen.has(code))
        context.addIssue({
          code: "custom",
          path: ["types", index],
          message: `${code} is already listed; name each kind once.`,
          params: { check: "kind_repeated", kind: code } satisfies CustomCheck,
        });
      seen.add(code);
    });
  })
  .transform(({ type, subtype, types, ...facts }) => ({
    ...facts,
    types: types ?? [{ type: type ?? "", ...(subtype === undefined ? {} : { subtype }) }],
  }));

export type Incident = z.output<typeof incidentSchema>;
