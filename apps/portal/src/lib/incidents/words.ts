import { agencyTypes } from "@sigap/sop-engine";
import type { Translator } from "#lib/i18n/index.ts";
import type { AssignmentStatus, Delivery, IncidentDetail, IncidentStatus } from "./types.ts";

// The values the API stores, for naming them in words; `satisfies` keeps each list in step with its type.

export const incidentStatuses = ["new", "dispatched", "in_progress", "resolved", "closed", "cancelled"] as const satisfies readonly IncidentStatus[];
export const assignmentStatuses = ["notified", "acknowledged", "en_route", "on_scene", "needs_backup", "done", "withdrawn"] as const satisfies readonly AssignmentStatus[];
export const origins = ["call", "walk_in", "radio", "agency_report"] as const satisfies readonly IncidentDetail["origin"][];
export const channels = ["webhook", "email"] as const satisfies readonly Delivery["channel"][];
export const escalationActions = ["renotify", "notify_supervisor", "notify_backup_agency", "notify_officials"] as const;

/** `value` when it is one of `values` (data read from a timeline entry is not typed). */
export function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((candidate) => candidate === value);
}

export function assignmentStatusText(i18n: Translator, value: unknown): string {
  const status = oneOf(assignmentStatuses, value);
  return status ? i18n.t(`incidents.assignment.${status}`) : String(value);
}

export function incidentStatusText(i18n: Translator, value: unknown): string {
  const status = oneOf(incidentStatuses, value);
  return status ? i18n.t(`incidents.status.${status}`) : String(value);
}

export function originText(i18n: Translator, value: unknown): string {
  const origin = oneOf(origins, value);
  return origin ? i18n.t(`incidents.origin.${origin}`) : String(value);
}

export function channelText(i18n: Translator, value: unknown): string {
  const channel = oneOf(channels, value);
  return channel ? i18n.t(`incidents.channel.${channel}`) : String(value);
}

export function escalationText(i18n: Translator, value: unknown): string {
  const action = oneOf(escalationActions, value);
  return action ? i18n.t(`sop.escalation.${action}`) : String(value);
}

const agencyTypeNames = new Map<string, string>(agencyTypes.map((type) => [type.code, type.name]));

/** A national agency type by its name ("Dinas Pemadam Kebakaran dan Penyelamatan"); anything else (a region's own agency's name) as it is. */
export function agencyTypeText(code: string): string {
  return agencyTypeNames.get(code) ?? code;
}
