import { z } from "zod";
import { adviceUrgencies } from "../catalogue/advice.ts";
import type { CustomCheck } from "../finding-params.ts";
import {
  agencyIdSchema,
  agencyTypeCodeSchema,
  clockTimeSchema,
  incidentFlagSchema,
  incidentPatternSchema,
  incidentSubtypeCodeSchema,
  kecamatanCodeSchema,
  localDateSchema,
  minutesSchema,
  officialRoleSchema,
  prioritySchema,
  ruleIdSchema,
  severitySchema,
  textKeySchema,
  timeZoneSchema,
  weekdaySchema,
} from "./primitives.ts";

export const rulesetFormat = "sigap.sop/1";

const nonEmptyList = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(500);

const severityRange = z
  .strictObject({ atLeast: severitySchema.optional(), atMost: severitySchema.optional() })
  .meta({ description: "Both bounds inclusive. An incident without a severity does not match." });

const casualtiesRange = z
  .strictObject({ atLeast: z.int().min(0).optional(), atMost: z.int().min(0).optional() })
  .meta({
    description: "Both bounds inclusive. An incident without a casualty count does not match.",
  });

const flagsCondition = z.strictObject({
  all: nonEmptyList(incidentFlagSchema).optional().meta({ description: "Every flag must be set." }),
  any: nonEmptyList(incidentFlagSchema)
    .optional()
    .meta({ description: "At least one flag must be set." }),
  none: nonEmptyList(incidentFlagSchema).optional().meta({ description: "No flag may be set." }),
});

const kecamatanCondition = z
  .strictObject({
    in: nonEmptyList(kecamatanCodeSchema).optional(),
    notIn: nonEmptyList(kecamatanCodeSchema).optional(),
  })
  .meta({ description: "An incident without a kecamatan matches neither `in` nor `notIn`." });

const hourWindow = z.strictObject({ from: clockTimeSchema, to: clockTimeSchema }).meta({
  description:
    "Local time, `from` inclusive, `to` exclusive; wraps past midnight when `to` < `from` (night: 18:00-06:00).",
});

const dateRange = z
  .strictObject({ from: localDateSchema, to: localDateSchema })
  .meta({ description: "Local dates, both inclusive." });

const timeCondition = z
  .strictObject({
    hours: nonEmptyList(hourWindow).optional(),
    weekdays: nonEmptyList(weekdaySchema).optional(),
    dates: nonEmptyList(dateRange).optional(),
  })
  .meta({
    description:
      "In the ruleset's time zone. Each part given must hold; within a part any entry may.",
  });

const keywordSchema = z.string().min(1).max(100).meta({
  description: "Whole words, case- and accent-insensitive; a trailing '*' matches any word ending.",
});

const keywordsCondition = z.strictObject({
  any: nonEmptyList(keywordSchema)
    .optional()
    .meta({ description: "The description contains at least one." }),
  none: nonEmptyList(keywordSchema)
    .optional()
    .meta({ description: "The description contains none." }),
});

export const conditionsSchema = z
  .strictObject({
    types: nonEmptyList(incidentPatternSchema).optional(),
    severity: severityRange.optional(),
    casualties: casualtiesRange.optional(),
    flags: flagsCondition.optional(),
    kecamatan: kecamatanCondition.optional(),
    time: timeCondition.optional(),
    keywords: keywordsCondition.optional(),
  })
  .meta({
    description: "Every condition given must hold. No conditions: the rule matches every incident.",
  });

const byAgencyType = { agencyType: agencyTypeCodeSchema };
const byAgencyId = { agencyId: agencyIdSchema };

export const agencyTargetSchema = z
  .xor([z.strictObject(byAgencyType), z.strictObject(byAgencyId)])
  .meta({
    description:
      "An agency type (whichever agency of that type the tenant has) or one specific agency.",
  });

const agencyRole = z.enum(["primary", "support"]);
const ackWithinMinutes = minutesSchema
  .optional()
  .meta({ description: "Minutes to acknowledge; the ruleset default when omitted." });

export const fallbackSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .max(200)
      .meta({ description: "Who is called instead, e.g. 'Polres (nomor darurat 110)'." }),
    phone: z
      .string()
      .regex(
        /^(\+[1-9]\d{6,14}|1\d{2,3})$/,
        "Use an E.164 number (+62…) or a short emergency number such as 110.",
      )
      .optional(),
    agencyId: agencyIdSchema.optional().meta({
      description: "One of the region's agencies, e.g. the province's, registered as an agency.",
    }),
  })
  .refine((fallback) => fallback.phone !== undefined || fallback.agencyId !== undefined, {
    message: "A fallback needs a `phone` or an `agencyId`.",
    path: ["phone"],
    params: { check: "fallback_without_target" } satisfies CustomCheck,
  })
  .meta({
    description:
      "Who to call when the region has no active agency of this kind covering the incident's kecamatan.",
  });

const fallback = fallbackSchema.optional();
const lead = z.boolean().optional().meta({
  description:
    "This primary agency leads the scene when dispatched; see README: the lead agency. Only for `primary`.",
});
const leadIsPrimary = {
  check: (action: { role: string; lead?: boolean | undefined }) =>
    action.lead !== true || action.role === "primary",
  params: {
    message: "Only a `primary` agency can lead the scene.",
    path: ["lead"],
    params: { check: "lead_not_primary" } satisfies CustomCheck,
  },
};

export const agencyActionSchema = z.xor([
  z
    .strictObject({ ...byAgencyType, role: agencyRole, ackWithinMinutes, lead, fallback })
    .refine(leadIsPrimary.check, leadIsPrimary.params),
  z
    .strictObject({ ...byAgencyId, role: agencyRole, ackWithinMinutes, lead, fallback })
    .refine(leadIsPrimary.check, leadIsPrimary.params),
]);

const stepBase = {
  afterMinutes: minutesSchema.meta({
    description: "Minutes after dispatch without acknowledgement.",
  }),
};
const optionalFor = agencyTargetSchema.optional().meta({
  description: "Only when this agency has not acknowledged; omitted: any dispatched agency.",
});

export const escalationStepSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("renotify"), ...stepBase, for: optionalFor }),
  z.strictObject({ action: z.literal("notify_supervisor"), ...stepBase, for: optionalFor }),
  z.strictObject({
    action: z.literal("notify_backup_agency"),
    ...stepBase,
    for: agencyTargetSchema,
    backup: agencyTargetSchema,
  }),
  z.strictObject({
    action: z.literal("notify_officials"),
    ...stepBase,
    for: optionalFor,
    officials: nonEmptyList(officialRoleSchema),
  }),
]);

const textItemShape = {
  key: textKeySchema.meta({
    description: "Identifies the item across rules: the same key is asked or said once.",
  }),
  text: z.string().min(1).max(1000),
};

const textItemSchema = z.strictObject(textItemShape);

export const adviceItemSchema = z.strictObject({
  ...textItemShape,
  urgency: z.enum(adviceUrgencies).default("information").meta({
    description:
      "Said in this order: life_saving (CPR, bleeding, birth), immediate_safety (leave, keep distance), information.",
  }),
  forTypes: nonEmptyList(incidentPatternSchema).optional().meta({
    description:
      "Only for incidents of these types, matched like `when.types`; omitted: every incident the rule matches.",
  }),
});

export const actionsSchema = z.strictObject({
  priority: prioritySchema.optional(),
  agencies: z.array(agencyActionSchema).max(100).optional(),
  escalation: z.array(escalationStepSchema).max(100).optional(),
  checklist: z
    .array(textItemSchema)
    .max(100)
    .optional()
    .meta({ description: "Questions the call-taker asks." }),
  advice: z
    .array(adviceItemSchema)
    .max(100)
    .optional()
    .meta({ description: "What the call-taker tells the caller while help comes." }),
});

export const ruleSchema = z.strictObject({
  id: ruleIdSchema,
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  enabled: z.boolean().default(true),
  when: conditionsSchema,
  then: actionsSchema,
  suppresses: nonEmptyList(ruleIdSchema).optional().meta({
    description:
      "When this rule matches, the listed rules contribute nothing (see README: exclusions).",
  }),
});

export const localSubtypeSchema = z.strictObject({
  code: incidentSubtypeCodeSchema,
  name: z.string().min(1).max(200),
  nameEn: z.string().min(1).max(200).optional(),
});

export const rulesetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(rulesetFormat),
    name: z.string().min(1).max(200),
    timeZone: timeZoneSchema,
    defaults: z.strictObject({ priority: prioritySchema, ackWithinMinutes: minutesSchema }),
    localSubtypes: z.array(localSubtypeSchema).max(500).optional(),
    rules: z.array(ruleSchema).max(5000),
  })
  .meta({
    title: "Sigap 112 SOP ruleset",
    description: "A region's dispatch rules; see packages/sop-engine/README.md.",
  });

/** What an author writes (defaults may be omitted). */
export type RulesetInput = z.input<typeof rulesetSchema>;
/** What the engine works with after parsing. */
export type Ruleset = z.output<typeof rulesetSchema>;
export type Rule = Ruleset["rules"][number];
export type Conditions = Rule["when"];
export type Actions = Rule["then"];
export type AgencyTarget = z.output<typeof agencyTargetSchema>;
export type AgencyAction = z.output<typeof agencyActionSchema>;
export type Fallback = z.output<typeof fallbackSchema>;
export type EscalationStep = z.output<typeof escalationStepSchema>;
export type TextItem = z.output<typeof textItemSchema>;
export type AdviceItem = z.output<typeof adviceItemSchema>;
export type LocalSubtype = z.output<typeof localSubtypeSchema>;
