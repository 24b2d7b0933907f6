import { agencyTypes } from "@sigap/sop-engine";
import type { Translator } from "#lib/i18n/index.ts";
import type { AssignmentStatus, Delivery, IncidentDetail, IncidentStatus } from "./types.ts";

// The values the API stores, for naming them in words; `satisfies` keeps each list in step with its type.

export const incidentStatuses = [
  "new",
  "dispatched",
  "in_progress",
  "resolved",
  "closed",
  "cancelled",
] as const satisfies readonly IncidentStatus[];
export const assignmentStatuses = [
  "notified",
  "acknowledged",
  "en_route",
  "on_scene",
  "needs_backup",
  "done",
  "withdrawn",
] as const satisfies readonly AssignmentStatus[];
export const origins = [
  "call",
  "walk_in",
  "radio",
  "agency_report",
] as const satisfies readonly IncidentDetail["origin"][];
export const channels = ["webhook", "email"] as const satisfies readonly Delivery["channel"][];
export const escalationActions = [
  "renotify",
  "notify_supervisor",
  "notify_backup_agency",
  "notify_officials",
] as const;

/** `value` when it is one of `values` (data read from a timeline entry is not typed). */
export function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** `value` in words by `say` when it is one of `values`, else as it is (a value newer than this portal). */
function inWords<T extends string>(
  values: readonly T[],
  value: unknown,
  say: (known: T) => string,
): string {
  const known = oneOf(values, value);
  return known ? say(known) : String(value);
}

export function assignmentStatusText(i18n: Translator, value: unknown): string {
  return inWords(assignmentStatuses, value, (status) => i18n.t(`incidents.assignment.${status}`));
}

export function incidentStatusText(i18n: Translator, value: unknown): string {
  return inWords(incidentStatuses, value, (status) => i18n.t(`incidents.status.${status}`));
}

export function originText(i18n: Translator, value: unknown): string {
  return inWords(origins, value, (origin) => i18n.t(`incidents.origin.${origin}`));
}

export function channelText(i18n: Translator, value: unknown): string {
  return inWords(channels, value, (channel) => i18n.t(`incidents.channel.${channel}`));
}

export function escalationText(i18n: Translator, value: unknown): string {
  return inWords(escalationActions, value, (action) => i18n.t(`sop.escalation.${action}`));
}

const agencyTypeNames = new Map<string, string>(agencyTypes.map((type) => [type.code, type.name]));

/** A national agency type by its name ("Dinas Pemadam Kebakaran dan Penyelamatan"); anything else (a region's own agency's name) as it is. */
export function agencyTypeText(code: string): string {
  return agencyTypeNames.get(code) ?? code;
}
