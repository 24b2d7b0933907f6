import { z } from "zod";
import {
  agencyIdSchema,
  agencyTypeCodeSchema,
  kecamatanCodeSchema,
  officialRoleSchema,
  timeZoneSchema,
} from "./primitives.ts";

/** What validation knows about the tenant; each part is optional and its checks are skipped without it. */
export const validationContextSchema = z.strictObject({
  agencies: z
    .array(
      z.strictObject({
        id: agencyIdSchema,
        type: agencyTypeCodeSchema,
        name: z.string().optional(),
        active: z
          .boolean()
          .optional()
          .meta({ description: "Omitted: active. An inactive agency is never dispatched." }),
        kecamatan: z
          .array(kecamatanCodeSchema)
          .max(10000)
          .optional()
          .meta({ description: "The kecamatan it covers; omitted: the whole region." }),
      }),
    )
    .max(1000)
    .optional(),
  kecamatanCodes: z.array(kecamatanCodeSchema).max(10000).optional(),
  officials: z.array(officialRoleSchema).max(100).optional(),
  timeZone: timeZoneSchema.optional(),
});

export type ValidationContext = z.input<typeof validationContextSchema>;
/** One of the region's agencies as validation and evaluation see it. */
export type RegionAgency = NonNullable<ValidationContext["agencies"]>[number];
export type ParsedValidationContext = z.output<typeof validationContextSchema>;
