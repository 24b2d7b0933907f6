import { describe, expect, it } from "vitest";
import { monthOf, yearOf } from "../../src/billing/calendar.ts";
import { dueInvoicePeriods } from "../../src/billing/periods.ts";
import { priceInvoice, type PlanAssignment, type PlanPrices } from "../../src/billing/pricing.ts";
import { invoiceMailSchedule } from "../../src/billing/reminders.ts";
import { dateInZone } from "../../src/csv.ts";

// Prices, proration and periods are pure: checked here day by day, rupiah by rupiah.

const standard: PlanPrices = {
  name: "Standar",
  period: "monthly",
  baseFee: 15_000_000,
  seatFee: 250_000,
  channelFee: 100_000,
  notificationFee: 500,
  callAllowance: 10_000,
  callFee: 100,
};
const larger: PlanPrices = { ...standard, name: "Besar", baseFee: 31_000_000 };
const annual: PlanPrices = {
  ...standard,
  name: "Tahunan",
  period: "annual",
  baseFee: 150_000_000,
  seatFee: 2_400_000,
};

const monthly = (startsOn: string, plan = standard): PlanAssignment => ({ startsOn, plan });
const noUsage = new Map();

describe("an invoice's price", () => {
  it("bills a whole month at the plan's prices, with PPN rounded half up on the subtotal", () => {
    const usage = new Map([
      ["2026-11-01", { seats: 12, channels: 30, notifications: 40, calls: 6_000 }],
      ["2026-11-02", { seats: 12, channels: 30, notifications: 3, calls: 6_000 }],
    ]);
    const priced = priceInvoice({
      period: monthOf("2026-11-10"),
      assignments: [monthly("2026-01-01")],
      usage,
      taxRateBasisPoints: 1100,
    });
    expect(
      priced.lines.map(({ description, quantity, amount }) => ({ description, quantity, amount })),
    ).toEqual([
      { description: "Biaya dasar paket Standar", quantity: "1", amount: 15_000_000 },
      // 24 seat-days of a 30-day month: 0.8 seat-months.
      { description: "Kursi operator", quantity: "0.8", amount: 200_000 },
      { description: "Kanal trunk aktif", quantity: "2", amount: 200_000 },
      { description: "Notifikasi instansi terkirim", quantity: "43", amount: 21_500 },
      { description: "Panggilan di atas kuota 10000", quantity: "2000", amount: 200_000 },
    ]);
    expect(priced.subtotal).toBe(15_621_500);
    expect(priced.tax).toBe(1_718_365);
    expect(priced.total).toBe(17_339_865);
  });

  it("prorates a plan change inside the month by day, each line rounded once", () => {
    // 14 days of 31 on Standar, 17 on Besar: 15,000,000 × 14/31 = 6,774,193.55… and 31,000,000 × 17/31 = 17,000,000.
    const priced = priceInvoice({
      period: monthOf("2026-12-01"),
      assignments: [monthly("2026-01-01"), monthly("2026-12-15", larger)],
      usage: noUsage,
      taxRateBasisPoints: 1100,
    });
    expect(
      priced.lines.map(({ description, quantity, amount }) => ({ description, quantity, amount })),
    ).toEqual([
      {
        description: "Biaya dasar paket Standar (2026-12-01 s.d. 2026-12-14)",
        quantity: "0.45",
        amount: 6_774_194,
      },
      {
        description: "Biaya dasar paket Besar (2026-12-15 s.d. 2026-12-31)",
        quantity: "0.55",
        amount: 17_000_000,
      },
    ]);
    expect(priced.subtotal).toBe(23_774_194);
    // 2,615,161.34 → 2,615,161
    expect(priced.tax).toBe(2_615_161);
  });

  it("gives a day of February more of a monthly fee than a day of March, and the allowance with it", () => {
    const february = priceInvoice({
      period: { start: "2027-02-15", end: "2027-02-28" },
      assignments: [monthly("2027-02-15")],
      usage: noUsage,
      taxRateBasisPoints: 0,
    });
    const march = priceInvoice({
      period: { start: "2027-03-18", end: "2027-03-31" },
      assignments: [monthly("2027-03-18")],
      usage: noUsage,
      taxRateBasisPoints: 0,
    });
    expect(february.subtotal).toBe(7_500_000);
    expect(march.subtotal).toBe(6_774_194);
    const calls = new Map([["2027-02-20", { calls: 5_100 }]]);
    const overAllowance = priceInvoice({
      period: { start: "2027-02-15", end: "2027-02-28" },
      assignments: [monthly("2027-02-15")],
      usage: calls,
      taxRateBasisPoints: 0,
    });
    expect(overAllowance.lines.at(-1)).toMatchObject({
      description: "Panggilan di atas kuota 5000",
      quantity: "100",
      amount: 10_000,
    });
  });

  it("bills an annual plan over its year, a leap year day by day", () => {
    const priced = priceInvoice({
      period: yearOf("2028-06-01"),
      assignments: [{ startsOn: "2028-01-01", plan: annual }],
      usage: noUsage,
      taxRateBasisPoints: 1100,
    });
    expect(priced.subtotal).toBe(150_000_000);
    const halfYear = priceInvoice({
      period: { start: "2028-07-01", end: "2028-12-31" },
      assignments: [{ startsOn: "2028-07-01", plan: annual }],
      usage: noUsage,
      taxRateBasisPoints: 0,
    });
    // 184 of 366 days: 75,409,836.07…
    expect(halfYear.subtotal).toBe(75_409_836);
  });

  it("bills nothing for days before the first plan", () => {
    const priced = priceInvoice({
      period: monthOf("2026-12-01"),
      assignments: [],
      usage: noUsage,
      taxRateBasisPoints: 1100,
    });
    expect(priced).toEqual({ lines: [], subtotal: 0, tax: 0, total: 0 });
  });
});

describe("the periods due for an invoice", () => {
  it("closes each month of a monthly plan once it has ended, from the first plan's day", () => {
    expect(dueInvoicePeriods([monthly("2026-10-10")], null, "2026-12-01")).toEqual([
      { start: "2026-10-10", end: "2026-10-31" },
      { start: "2026-11-01", end: "2026-11-30" },
    ]);
    expect(dueInvoicePeriods([monthly("2026-10-10")], "2026-10-31", "2026-11-30")).toEqual([]);
    expect(dueInvoicePeriods([monthly("2026-10-10")], "2026-11-30", "2026-12-01")).toEqual([]);
  });

  it("closes an annual plan at the year's end, starting after the last monthly invoice", () => {
    const moved = [monthly("2026-01-01"), { startsOn: "2026-04-01", plan: annual }];
    expect(dueInvoicePeriods(moved, null, "2027-01-01")).toEqual([
      { start: "2026-01-01", end: "2026-01-31" },
      { start: "2026-02-01", end: "2026-02-28" },
      { start: "2026-03-01", end: "2026-03-31" },
      { start: "2026-04-01", end: "2026-12-31" },
    ]);
    expect(dueInvoicePeriods(moved, "2026-03-31", "2026-12-31")).toEqual([]);
  });

  it("bills the months an annual plan ran with the first monthly invoice after it is dropped", () => {
    const dropped = [{ startsOn: "2026-01-01", plan: annual }, monthly("2026-06-01")];
    expect(dueInvoicePeriods(dropped, null, "2026-07-02")).toEqual([
      { start: "2026-01-01", end: "2026-06-30" },
    ]);
  });
});

describe("dates in the region's time zone", () => {
  // 16:30 UTC on 31 December is still 2026 in Jakarta but already 2027 in Makassar and Jayapura:
  // an invoice issued then carries the region's own date, and so its year's number.
  const newYearsEve = new Date("2026-12-31T16:30:00Z");
  it.each([
    ["Asia/Jakarta", "2026-12-31"],
    ["Asia/Makassar", "2027-01-01"],
    ["Asia/Jayapura", "2027-01-01"],
  ])("reads the day in %s as %s", (zone, day) => {
    expect(dateInZone(newYearsEve, zone)).toBe(day);
  });

  it("mails the invoice at once, then reminders at 08:00 in the region's zone, a week before, on and after the due date", () => {
    expect(
      invoiceMailSchedule("2027-01-31", "Asia/Jakarta").map(({ kind, at }) => [
        kind,
        at?.toISOString() ?? null,
      ]),
    ).toEqual([
      ["issued", null],
      ["before_due", "2027-01-24T01:00:00.000Z"],
      ["due", "2027-01-31T01:00:00.000Z"],
      ["overdue_7", "2027-02-07T01:00:00.000Z"],
      ["overdue_30", "2027-03-02T01:00:00.000Z"],
    ]);
    expect(invoiceMailSchedule("2027-01-31", "Asia/Jayapura")[2]?.at?.toISOString()).toBe(
      "2027-01-30T23:00:00.000Z",
    );
    expect(invoiceMailSchedule("2027-01-31", "Asia/Makassar")[2]?.at?.toISOString()).toBe(
      "2027-01-31T00:00:00.000Z",
    );
  });
});
