/** P1 is the most urgent; the national response-time target of 15 minutes applies to it. */
export const priorities = ["P1", "P2", "P3", "P4"] as const;

export type Priority = (typeof priorities)[number];

/** Lower rank is more urgent, so "highest priority" is the minimum rank. */
export function priorityRank(priority: Priority): number {
  return priorities.indexOf(priority);
}

export function mostUrgent(a: Priority, b: Priority): Priority {
  return priorityRank(a) <= priorityRank(b) ? a : b;
}
