/**
 * How urgent a piece of advice to the caller is. The call-taker reads advice top to bottom while
 * help comes, so what keeps someone alive must come before what keeps people out of harm, and both
 * before routine information, whichever rule contributed it first.
 *
 * The rank is written on each advice item (`urgency`), not looked up from a list of standard keys:
 * keys are the region's own (`cpr`, `rjp_anak`, …) and a key missing from a national list would
 * silently fall to the bottom, while a field on the item is visible in the editor and checked by
 * the schema. An item without it is `information`, so nothing is claimed urgent by accident.
 */
export const adviceUrgencies = [
  /** Keeps someone alive in the next minutes: CPR, stopping a bleed, a birth under way. */
  "life_saving",
  /** Keeps the caller and bystanders out of harm: leave the building, keep distance, gas, power. */
  "immediate_safety",
  /** Everything else: stay on the line, prepare for the responders. */
  "information",
] as const;

export type AdviceUrgency = (typeof adviceUrgencies)[number];

/** Lower rank is more urgent and is said first. */
export function adviceUrgencyRank(urgency: AdviceUrgency): number {
  return adviceUrgencies.indexOf(urgency);
}

export function mostUrgentAdvice(a: AdviceUrgency, b: AdviceUrgency): AdviceUrgency {
  return adviceUrgencyRank(a) <= adviceUrgencyRank(b) ? a : b;
}
