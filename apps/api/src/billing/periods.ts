import { addDays, monthOf, type Period } from "./calendar.ts";
import type { PlanAssignment } from "./pricing.ts";

/** The plan in force on `day`: the latest assignment starting by then. */
export function planOn<T extends Pick<PlanAssignment, "startsOn">>(
  assignments: readonly T[],
  day: string,
): T | undefined {
  return assignments
    .filter((assignment) => assignment.startsOn <= day)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
    .at(-1);
}

/**
 * The periods that have ended by `today` and are not invoiced yet, oldest first (at most `limit`).
 * A period closes at a month's end when the plan then is monthly, and at the year's end when it is
 * annual. It starts the day after the last invoiced one (or when the first plan starts), so a plan
 * change never bills a day twice or leaves one out: months on an annual plan that is dropped for a
 * monthly one are billed, prorated, with the next monthly invoice.
 */
export function dueInvoicePeriods(
  assignments: readonly Pick<PlanAssignment, "startsOn" | "plan">[],
  billedThrough: string | null,
  today: string,
  limit = 24,
): Period[] {
  const first = [...assignments].sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  if (!first) return [];
  let cursor =
    billedThrough !== null && billedThrough >= first.startsOn
      ? addDays(billedThrough, 1)
      : first.startsOn;
  const periods: Period[] = [];
  for (
    let month = monthOf(cursor);
    month.end < today && periods.length < limit;
    month = monthOf(addDays(month.end, 1))
  ) {
    const plan = planOn(assignments, month.end)?.plan;
    if (!plan) continue;
    if (plan.period === "monthly" || month.end.endsWith("-12-31")) {
      periods.push({ start: cursor, end: month.end });
      cursor = addDays(month.end, 1);
    }
  }
  return periods;
}
