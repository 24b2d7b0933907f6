/**
 * Yes/no facts the operator ticks while classifying a call. A closed list, so a typo in a rule is a
 * schema error instead of a condition that silently never matches.
 */
export const incidentFlags = [
  "people_trapped",
  "hazardous_material",
  "children_involved",
  "spreading",
  "weapons_involved",
  "large_crowd",
  "vulnerable_person",
  "road_blocked",
  "ongoing",
  "cross_region",
] as const;

export type IncidentFlag = (typeof incidentFlags)[number];

/** Ordered from least to most severe, so conditions can use ranges. */
export const severities = ["low", "medium", "high", "critical"] as const;

export type Severity = (typeof severities)[number];

export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}
