import type { DeviceLocation, OperatorLocation } from "@sigap/db/schema";

/**
 * Everything the platform knows of one incident, as exports (NENA EIDO, CSV) and the incident
 * page read it: the incident's facts, the agencies sent, what happened, and the calls attached.
 */
export interface IncidentRecord {
  id: string;
  tenant: { slug: string; name: string; regionCode: string; timeZone: string };
  /** SOP taxonomy codes, the main one first. */
  types: string[];
  status: "new" | "dispatched" | "in_progress" | "resolved" | "closed" | "cancelled";
  origin: "call" | "walk_in" | "radio" | "agency_report";
  severity: string | null;
  casualties: number | null;
  flags: string[];
  description: string | null;
  location: OperatorLocation | null;
  villageCode: string | null;
  priority: string | null;
  disposition: string | null;
  createdAt: Date;
  updatedAt: Date;
  dispatchedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  assignments: {
    id: string;
    agencyId: string;
    agencyName: string;
    agencyType: string;
    role: "primary" | "support";
    lead: boolean;
    status:
      "notified" | "acknowledged" | "en_route" | "on_scene" | "needs_backup" | "done" | "withdrawn";
    ackDeadline: Date;
    acknowledgedAt: Date | null;
  }[];
  timeline: { at: Date; kind: string; actorLabel: string; data: Record<string, unknown> }[];
  calls: {
    id: string;
    callerNumber: string | null;
    offeredAt: Date;
    location: DeviceLocation | null;
  }[];
}
