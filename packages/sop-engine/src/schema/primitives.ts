import { z } from "zod";
import { incidentFlags, severities } from "../catalogue/flags.ts";
import { priorities } from "../catalogue/priority.ts";

// Codes are lower_snake so they read the same in JSON, URLs and logs.
const codePattern = "[a-z][a-z0-9_]*";

export const ruleIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, "Use 1-80 lowercase letters, digits, '.', '_' or '-'.");

export const incidentTypeCodeSchema = z
  .string()
  .regex(new RegExp(`^${codePattern}$`), "Use a lower_snake code.");

export const incidentSubtypeCodeSchema = z
  .string()
  .regex(
    new RegExp(`^${codePattern}\\.${codePattern}$`),
    "Use '<type>.<subtype>', e.g. 'fire.building'.",
  );

export const incidentPatternSchema = z
  .string()
  .regex(
    new RegExp(`^${codePattern}\\.(${codePattern}|\\*)$`),
    "Use '<type>.*' for every subtype or '<type>.<subtype>' for one, e.g. 'fire.*'.",
  )
  .meta({
    description:
      "'<type>.*' matches the type with any or no subtype; '<type>.<subtype>' matches one subtype.",
  });

export const kecamatanCodeSchema = z
  .string()
  .regex(/^\d{2}\.\d{2}\.\d{2}$/, "Use the Kemendagri kecamatan code, e.g. '35.15.01'.");

export const agencyTypeCodeSchema = z
  .string()
  .regex(new RegExp(`^${codePattern}$`), "Use a national agency type code, e.g. 'damkar'.");

export const agencyIdSchema = z.string().min(1).max(100);

export const officialRoleSchema = z
  .string()
  .regex(new RegExp(`^${codePattern}$`), "Use an official role code, e.g. 'sekda'.");

export const textKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, "Use 1-80 lowercase letters, digits, '.', '_' or '-'.");

export const prioritySchema = z.enum(priorities);
export const severitySchema = z.enum(severities);
export const incidentFlagSchema = z.enum(incidentFlags);

export const minutesSchema = z.int().min(1).max(1440);

export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use 24-hour 'HH:MM' local time.");

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];
export const weekdaySchema = z.enum(weekdays);

export const localDateSchema = z.iso.date();

/** Indonesia has exactly three zones; each tenant's is fixed by its province. */
export const indonesianTimeZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export const timeZoneSchema = z.enum(indonesianTimeZones);
