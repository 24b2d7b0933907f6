import type { UsageMeter } from "@sigap/db/schema";
import { daysInclusive, eachDay, periodOf, type Period } from "./calendar.ts";
import { planOn } from "./periods.ts";
import { fraction, roundHalfUp, sum, toDecimal, type Fraction } from "./fraction.ts";

/** A plan's prices as an invoice copies them. */
export interface PlanPrices {
  name: string;
  period: "monthly" | "annual";
  baseFee: number;
  seatFee: number;
  channelFee: number;
  notificationFee: number;
  callAllowance: number;
  callFee: number;
}

/** The plan a tenant is on from `startsOn` until the next assignment starts. */
export interface PlanAssignment {
  startsOn: string;
  plan: PlanPrices;
}

export type DailyUsage = ReadonlyMap<string, Partial<Record<UsageMeter, number>>>;

export interface PricedLine {
  description: string;
  /** Decimal with at most two places: prorated seats are fractions of a period. */
  quantity: string;
  unit: string;
  unitPrice: number;
  amount: number;
}

export interface PricedInvoice {
  lines: PricedLine[];
  subtotal: number;
  tax: number;
  total: number;
}

interface Segment {
  plan: PlanPrices;
  days: string[];
}

/** Consecutive days of the period on the same plan; days before the first assignment are not billed. */
function segments(period: Period, assignments: readonly PlanAssignment[]): Segment[] {
  const result: Segment[] = [];
  let current: { assignment: PlanAssignment; segment: Segment } | undefined;
  for (const day of eachDay(period.start, period.end)) {
    const assignment = planOn(assignments, day);
    if (!assignment) continue;
    if (current?.assignment !== assignment) {
      current = { assignment, segment: { plan: assignment.plan, days: [] } };
      result.push(current.segment);
    }
    current.segment.days.push(day);
  }
  return result;
}

/**
 * A per-period amount spread over days: each day is worth `perPeriod` divided by the days of the
 * plan's period that holds it (a day of February is worth more of a monthly fee than a day of March).
 */
function prorated(
  plan: PlanPrices,
  days: readonly string[],
  perPeriodOnDay: (day: string) => number,
): Fraction {
  return sum(
    days.map((day) => {
      const { start, end } = periodOf(plan.period, day);
      return fraction(perPeriodOnDay(day), daysInclusive(start, end));
    }),
  );
}

const unitOf = { monthly: "bulan", annual: "tahun" } as const;

function dayRange(days: readonly string[], period: Period): string {
  const first = days[0] ?? period.start;
  const last = days.at(-1) ?? period.end;
  return first === period.start && last === period.end ? "" : ` (${first} s.d. ${last})`;
}

function segmentLines(segment: Segment, period: Period, usage: DailyUsage): PricedLine[] {
  const { plan, days } = segment;
  const reading = (day: string, meter: UsageMeter) => usage.get(day)?.[meter] ?? 0;
  const range = dayRange(days, period);
  const unit = unitOf[plan.period];
  const lines: PricedLine[] = [];

  const share = prorated(plan, days, () => 1);
  lines.push({
    description: `Biaya dasar paket ${plan.name}${range}`,
    quantity: toDecimal(share),
    unit,
    unitPrice: plan.baseFee,
    amount: roundHalfUp(prorated(plan, days, () => plan.baseFee)),
  });

  const gauges = [
    { meter: "seats", label: "Kursi operator", unit: `kursi/${unit}`, fee: plan.seatFee },
    { meter: "channels", label: "Kanal trunk aktif", unit: `kanal/${unit}`, fee: plan.channelFee },
  ] as const;
  for (const gauge of gauges) {
    const held = prorated(plan, days, (day) => reading(day, gauge.meter));
    if (held.numerator === 0n) continue;
    lines.push({
      description: `${gauge.label}${range}`,
      quantity: toDecimal(held),
      unit: gauge.unit,
      unitPrice: gauge.fee,
      amount: roundHalfUp(prorated(plan, days, (day) => reading(day, gauge.meter) * gauge.fee)),
    });
  }

  const notifications = days.reduce((total, day) => total + reading(day, "notifications"), 0);
  if (notifications > 0) {
    lines.push({
      description: `Notifikasi instansi terkirim${range}`,
      quantity: String(notifications),
      unit: "notifikasi",
      unitPrice: plan.notificationFee,
      amount: notifications * plan.notificationFee,
    });
  }

  const calls = days.reduce((total, day) => total + reading(day, "calls"), 0);
  const allowance = roundHalfUp(prorated(plan, days, () => plan.callAllowance));
  if (calls > allowance) {
    lines.push({
      description: `Panggilan di atas kuota ${String(allowance)}${range}`,
      quantity: String(calls - allowance),
      unit: "panggilan",
      unitPrice: plan.callFee,
      amount: (calls - allowance) * plan.callFee,
    });
  }
  return lines;
}

/**
 * Prices one period: a base fee and usage lines for each stretch of days on one plan, each line
 * rounded once to whole rupiah (half up), and the tax on the subtotal rounded the same way.
 */
export function priceInvoice(input: {
  period: Period;
  assignments: readonly PlanAssignment[];
  usage: DailyUsage;
  taxRateBasisPoints: number;
}): PricedInvoice {
  const lines = segments(input.period, input.assignments).flatMap((segment) =>
    segmentLines(segment, input.period, input.usage),
  );
  const subtotal = lines.reduce((total, line) => total + line.amount, 0);
  const tax = roundHalfUp(fraction(BigInt(subtotal) * BigInt(input.taxRateBasisPoints), 10_000));
  return { lines, subtotal, tax, total: subtotal + tax };
}
