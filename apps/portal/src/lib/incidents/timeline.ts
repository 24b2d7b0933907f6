import { incidentFlags } from "@sigap/sop-engine";
import { formatPhone } from "#lib/agencies/phone.ts";
import type { Translator } from "#lib/i18n/index.ts";
import { formatTime } from "#lib/tenant/format.ts";
import { kindsInWords } from "./kinds.ts";
import type { TimelineEntry } from "./types.ts";
import {
  assignmentStatusText,
  channelText,
  escalationText,
  incidentStatusText,
  oneOf,
  originText,
} from "./words.ts";

/**
 * A timeline entry in words: what happened, what someone wrote with it (a note, a reason, an
 * error), and where a responder's phone was when it sent the report.
 */
export interface TimelineText {
  what: string;
  quote: string | null;
  where?: string;
}

// Entries' data is written by the API and the worker at the time; it is read defensively, since
// an entry written by an older version may lack a field.

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text).filter(Boolean) : [];
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter(
        (entry): entry is Record<string, unknown> => typeof entry === "object" && entry !== null,
      )
    : [];
}

function agencyList(i18n: Translator, agencies: Record<string, unknown>[]): string {
  return agencies
    .map((agency) =>
      agency.lead === true
        ? i18n.t("incidents.timeline.leadAgency", { name: text(agency.name) })
        : text(agency.name),
    )
    .join(", ");
}

function factsText(i18n: Translator, data: Record<string, unknown>): string {
  const flags = texts(data.flags).flatMap((value) => {
    const flag = oneOf(incidentFlags, value);
    return flag ? [i18n.t(`sopLab.flag.${flag}`)] : [];
  });
  return [
    kindsInWords(i18n.locale, texts(data.types)),
    typeof data.casualties === "number"
      ? i18n.t("incidents.timeline.casualties", { count: data.casualties })
      : "",
    flags.join(", "),
  ]
    .filter(Boolean)
    .join("; ");
}

/** "-7.44970, 112.71830": five decimals are about a metre, finer than any phone's fix. */
function coordinates(value: unknown): { latitude: string; longitude: string } | null {
  if (typeof value !== "object" || value === null) return null;
  const { latitude, longitude } = value as Record<string, unknown>;
  if (typeof latitude !== "number" || typeof longitude !== "number") return null;
  return { latitude: latitude.toFixed(5), longitude: longitude.toFixed(5) };
}

function notification(i18n: Translator, data: Record<string, unknown>) {
  return {
    agency: text(data.agency),
    channel: channelText(i18n, data.channel),
    attempt: typeof data.attempt === "number" ? data.attempt : 1,
  };
}

export function timelineText(
  i18n: Translator,
  entry: TimelineEntry,
  timeZone: string,
): TimelineText {
  const { data } = entry;
  const only = (what: string): TimelineText => ({ what, quote: null });
  switch (entry.kind) {
    case "created":
      return only(
        i18n.t("incidents.timeline.created", {
          origin: originText(i18n, data.origin),
          kinds: kindsInWords(i18n.locale, texts(data.types)),
        }),
      );
    case "dispatched": {
      const removed = records(data.removed).map((agency) =>
        i18n.t("incidents.timeline.notSent", {
          name: text(agency.name),
          reason: text(agency.reason),
        }),
      );
      const agencies = agencyList(i18n, records(data.agencies));
      const what =
        data.source === "manual"
          ? i18n.t("incidents.timeline.dispatchedManual", { agencies })
          : i18n.t("incidents.timeline.dispatched", { agencies });
      return { what, quote: removed.length > 0 ? removed.join("; ") : null };
    }
    case "agencies_added": {
      const added = records(data.agencies);
      const reasons = added
        .filter((agency) => !text(agency.reason).startsWith("SOP: "))
        .map((agency) => `${text(agency.name)}: ${text(agency.reason)}`);
      return {
        what: i18n.t("incidents.timeline.agenciesAdded", { agencies: agencyList(i18n, added) }),
        quote: reasons.length > 0 ? reasons.join("; ") : null,
      };
    }
    case "notification_delivered":
      return only(i18n.t("incidents.timeline.delivered", notification(i18n, data)));
    case "notification_failed":
      return {
        what: i18n.t("incidents.timeline.failed", notification(i18n, data)),
        quote: text(data.error) || null,
      };
    case "notification_dead":
      return {
        what: i18n.t("incidents.timeline.dead", notification(i18n, data)),
        quote: text(data.error) || null,
      };
    case "agency_report": {
      const params = { agency: text(data.agency), status: assignmentStatusText(i18n, data.status) };
      const what =
        data.via === "operator"
          ? i18n.t("incidents.timeline.reportByPhone", params)
          : i18n.t("incidents.timeline.report", params);
      const position = coordinates(data.position);
      return {
        what,
        quote: text(data.note) || null,
        ...(position && { where: i18n.t("incidents.timeline.reportedFrom", position) }),
      };
    }
    case "ack_overdue":
      return only(
        i18n.t("incidents.timeline.ackOverdue", {
          agency: text(data.agency),
          deadline: text(data.deadline)
            ? formatTime(i18n.locale, text(data.deadline), timeZone)
            : "",
        }),
      );
    case "escalated": {
      const what = i18n.t("incidents.timeline.escalated", {
        action: escalationText(i18n, data.action),
        waiting: texts(data.waiting).join(", "),
      });
      if (data.action !== "notify_backup_agency") return only(what);
      return only(
        `${what} ${data.backup ? i18n.t("incidents.timeline.backupSent", { name: text(data.backup) }) : i18n.t("incidents.timeline.noBackup")}`,
      );
    }
    case "status_changed":
      return {
        what: i18n.t("incidents.timeline.statusChanged", {
          from: incidentStatusText(i18n, data.from),
          to: incidentStatusText(i18n, data.to),
        }),
        quote: text(data.disposition) || null,
      };
    case "note":
      return { what: i18n.t("incidents.timeline.note"), quote: text(data.note) };
    case "call_attached":
      return only(
        i18n.t("incidents.timeline.callAttached", {
          caller: text(data.callerNumber)
            ? formatPhone(text(data.callerNumber))
            : i18n.t("calls.callerWithheld"),
        }),
      );
    case "facts_changed":
      return only(i18n.t("incidents.timeline.factsChanged", { facts: factsText(i18n, data) }));
    default:
      return only(entry.kind);
  }
}
