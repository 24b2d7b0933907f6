import { z } from "zod";
import { incidentFlags, severities } from "@sigap/sop-engine";
import { incidentTypesInput, operatorLocationInput, optionalText } from "../calls/closing.ts";
import { pageLimit, timeCursorInput } from "../trpc/paging.ts";
import { searchText } from "../validation/search.ts";
import { settableIncidentStatuses } from "./status.ts";

// What operators send about incidents. Every message names the field, for the portal to show beside it.

const incidentId = z.uuid({ error: "incidentId must be an incident's id" });
const agencyId = (field: string) => z.uuid({ error: `${field} must be an agency's id` });

export const incidentIdInput = z.object({ incidentId });

/** The facts the SOP plans from, as the operator records them. */
const facts = {
  types: incidentTypesInput.min(1, { error: "types is required: say what happens" }),
  severity: z
    .enum(severities, { error: `severity must be one of ${severities.join(", ")}` })
    .nullish()
    .transform((value) => value ?? null),
  casualties: z
    .number({ error: "casualties must be a number" })
    .int({ error: "casualties must be a whole number" })
    .min(0, { error: "casualties cannot be negative" })
    .max(100_000, { error: "casualties must be at most 100000" })
    .nullish()
    .transform((value) => value ?? null),
  flags: z
    .array(
      z.enum(incidentFlags, {
        error: `flags must hold these flags only: ${incidentFlags.join(", ")}`,
      }),
      { error: "flags must be a list" },
    )
    .max(incidentFlags.length, { error: "flags must name each flag once" })
    .refine((flags) => new Set(flags).size === flags.length, {
      error: "flags must name each flag once",
    })
    .default([]),
  description: optionalText("description", 2000),
  location: operatorLocationInput.nullish().transform((value) => value ?? null),
  /** The desa/kelurahan (Kemendagri code), one of `location.kecamatanCode`'s. */
  villageCode: z
    .string({ error: "villageCode must be a desa/kelurahan code such as 35.15.01.2001" })
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, {
      error: "villageCode must be a desa/kelurahan code such as 35.15.01.2001",
    })
    .nullish()
    .transform((value) => value ?? null),
};

/** An incident opened by hand: someone at the door, a radio call, a report from an agency. */
export const createIncidentInput = z.object({
  origin: z.enum(["walk_in", "radio", "agency_report"], {
    error: "origin must be walk_in, radio or agency_report",
  }),
  ...facts,
});

export const updateFactsInput = z.object({ incidentId, ...facts });

/** A kecamatan of the region, whose desa/kelurahan the operator picks from. */
export const villagesInput = z.object({
  kecamatanCode: z
    .string({ error: "kecamatanCode must be a kecamatan code such as 35.15.01" })
    .regex(/^\d{2}\.\d{2}\.\d{2}$/, {
      error: "kecamatanCode must be a kecamatan code such as 35.15.01",
    }),
});

/** What and where a caller reports, to look for an open incident it may be. */
export const nearbyInput = z.object({ types: facts.types, location: operatorLocationInput });

/** An agency an operator sends, in a role, with a reason where the SOP did not propose it so. */
const sentAgency = z.object({
  agencyId: agencyId("agencies.agencyId"),
  role: z.enum(["primary", "support"], { error: "role must be primary or support" }),
  reason: optionalText("reason", 300),
});

/** The agencies sent at once: each once (checked with the plan), at least one. */
function sentAgencies<Agency extends z.ZodType>(agency: Agency) {
  return z
    .array(agency, { error: "agencies must be a list" })
    .min(1, { error: "agencies must name at least one agency to send" })
    .max(50, { error: "agencies may name at most 50 agencies" });
}

/**
 * More agencies for an incident already under way (the facts changed, the scene needs them). The
 * lead was chosen at dispatch and stays.
 */
export const addAgenciesInput = z.object({ incidentId, agencies: sentAgencies(sentAgency) });

export const dispatchInput = z.object({
  incidentId,
  agencies: sentAgencies(
    sentAgency.extend({ lead: z.boolean({ error: "lead must be true or false" }).default(false) }),
  ),
  removals: z
    .array(
      z.object({
        agencyId: agencyId("removals.agencyId"),
        reason: z
          .string({ error: "reason must be text" })
          .trim()
          .min(1, { error: "reason is required: say why the agency is not sent" })
          .max(300, { error: "reason must have at most 300 characters" }),
      }),
      { error: "removals must be a list" },
    )
    .max(50, { error: "removals may name at most 50 agencies" })
    .default([]),
});

export const setStatusInput = z
  .object({
    incidentId,
    status: z.enum(settableIncidentStatuses, {
      error: `status must be one of ${settableIncidentStatuses.join(", ")}`,
    }),
    /** How a closed incident ended, or why one is cancelled. */
    disposition: optionalText("disposition", 300),
  })
  .superRefine((input, check) => {
    if ((input.status === "closed" || input.status === "cancelled") && input.disposition === null) {
      const what =
        input.status === "closed" ? "how the incident ended" : "why the incident is cancelled";
      check.addIssue({
        code: "custom",
        path: ["disposition"],
        message: `disposition is required: say ${what}`,
      });
    }
  });

export const noteInput = z.object({
  incidentId,
  note: z
    .string({ error: "note must be text" })
    .trim()
    .min(1, { error: "note is required" })
    .max(2000, { error: "note must have at most 2000 characters" }),
});

export const attachCallInput = z.object({
  incidentId,
  callId: z.uuid({ error: "callId must be a call's id" }),
});

/** Which of the region's incidents a list holds: open, closed or all, of a main type, matching a search. */
const listFilter = {
  view: z
    .enum(["open", "closed", "all"], { error: "view must be open, closed or all" })
    .default("open"),
  type: z
    .string({ error: "type must be text" })
    .regex(/^[a-z_]{1,40}$/, { error: "type must be an incident type code such as fire" })
    .nullish()
    .transform((value) => value ?? null),
  /** Part of the description or address, or the start of the incident's id. */
  query: searchText("query"),
};

/** A page of the board, newest first; `cursor` is the `nextCursor` of the page before. */
export const boardInput = z.object({
  ...listFilter,
  cursor: timeCursorInput("cursor").optional(),
  limit: pageLimit(100),
});

/** The whole list of a filter, as a file. */
export const listExportInput = z.object(listFilter);
