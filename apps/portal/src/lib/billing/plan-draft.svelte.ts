import { groupedDigits, parseWhole } from "./money.ts";
import type { BillingPlan, PlanFields } from "./types.ts";

/** The plan's amounts and the call allowance: whole numbers typed as people write them ("1.500.000"). */
export const planNumbers = [
  "baseFee",
  "seatFee",
  "channelFee",
  "notificationFee",
  "callAllowance",
  "callFee",
] as const;
export type PlanNumber = (typeof planNumbers)[number];

/** The plan form's editable copy: a new plan, or one being changed. */
export class PlanDraft {
  code = $state("");
  name = $state("");
  period: BillingPlan["period"] = $state("monthly");
  // Only the base fee has no sensible default; a plan without usage charges is common.
  numbers: Record<PlanNumber, string> = $state({
    baseFee: "",
    seatFee: "0",
    channelFee: "0",
    notificationFee: "0",
    callAllowance: "0",
    callFee: "0",
  });
  active = $state(true);

  constructor(plan?: BillingPlan) {
    if (!plan) return;
    this.code = plan.code;
    this.name = plan.name;
    this.period = plan.period;
    this.numbers = Object.fromEntries(
      planNumbers.map((field) => [field, groupedDigits(plan[field])]),
    ) as Record<PlanNumber, string>;
    this.active = plan.active;
  }

  /** What the API takes; a number that does not read as one is NaN, which the API names as the field to fix. */
  fields(): PlanFields {
    const numbers = Object.fromEntries(
      planNumbers.map((field) => [field, parseWhole(this.numbers[field])]),
    ) as Record<PlanNumber, number>;
    return { name: this.name, period: this.period, ...numbers, active: this.active };
  }
}
