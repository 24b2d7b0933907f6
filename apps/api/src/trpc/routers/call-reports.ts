import { z } from "zod";
import type { TenantTx } from "@sigap/db/client";
import {
  callFiguresBetween,
  dailyCallFigures,
  occupiedSeatFigures,
  type CallFigures,
} from "@sigap/db/queries";
import { callClassifications } from "@sigap/db/schema";
import { csvDocument, dateInZone, startOfDayInZone } from "../../csv.ts";
import { createRouter, tenantProcedure } from "../init.ts";

/** The longest report: a year and a day, so a leap year fits. */
const maxReportDays = 366;
const dayMs = 24 * 60 * 60 * 1000;

const day = (field: string) => z.iso.date({ error: `${field} must be a real date as YYYY-MM-DD` });

const rangeInput = z
  .object({ from: day("from"), to: day("to") })
  .refine((range) => range.from <= range.to, { error: "to must not be before from", path: ["to"] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) < maxReportDays * dayMs, {
    error: `the report may span at most ${String(maxReportDays)} days`,
    path: ["to"],
  });

/** The instants a range of whole days spans in the region's time zone: [first day's start, the day after the last). */
function instantsOf(range: { from: string; to: string }, timeZone: string): [Date, Date] {
  const after = new Date(Date.parse(`${range.to}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
  return [startOfDayInZone(range.from, timeZone), startOfDayInZone(after, timeZone)];
}

/** The range's figures per day that had calls, and in total. */
async function reportOf(tx: TenantTx, range: { from: string; to: string }, timeZone: string) {
  const [from, to] = instantsOf(range, timeZone);
  const [days, total] = await Promise.all([
    dailyCallFigures(tx, from, to, timeZone),
    callFiguresBetween(tx, from, to),
  ]);
  return { days, total };
}

const csvHeader = [
  "day",
  "offered",
  "answered",
  "abandoned",
  "answered_within_10s",
  "answered_within_15s",
  "median_answer_seconds",
  "median_talk_seconds",
  ...callClassifications,
  "unclassified",
];

function csvRow(dayName: string, figures: CallFigures): string[] {
  const seconds = (value: number | null) => (value === null ? "" : value.toFixed(1));
  return [
    dayName,
    ...[
      figures.offered,
      figures.answered,
      figures.abandoned,
      figures.answeredWithin10s,
      figures.answeredWithin15s,
    ].map(String),
    seconds(figures.medianAnswerSeconds),
    seconds(figures.medianTalkSeconds),
    ...callClassifications.map((name) => String(figures.classified[name])),
    String(figures.unclassified),
  ];
}

/**
 * What supervisors watch: today's answering figures and who sits where, live; and reports for a
 * range of days with a CSV export. Aggregates and operator names only, no caller's number.
 */
export const callReportsRouter = createRouter({
  /** Today so far (in the region's time zone), and every seat taken now with its holder's figures. */
  wallboard: tenantProcedure("calls.supervise").query(async ({ ctx }) => {
    const now = new Date();
    const today = dateInZone(now, ctx.tenant.timeZone);
    const [figures, seats] = await Promise.all([
      callFiguresBetween(ctx.tx, startOfDayInZone(today, ctx.tenant.timeZone), now),
      occupiedSeatFigures(ctx.tx),
    ]);
    return {
      day: today,
      figures,
      seats: seats.map((seat) => ({
        ...seat,
        since: seat.since.toISOString(),
        onCallSince: seat.onCallSince?.toISOString() ?? null,
      })),
    };
  }),

  /** One row per day of the range that had calls, and the whole range's figures. */
  report: tenantProcedure("calls.supervise")
    .input(rangeInput)
    .query(({ ctx, input }) => reportOf(ctx.tx, input, ctx.tenant.timeZone)),

  /** The report as CSV, one line per day and a total line. */
  reportCsv: tenantProcedure("calls.supervise")
    .input(rangeInput)
    .query(async ({ ctx, input }) => {
      const { days, total } = await reportOf(ctx.tx, input, ctx.tenant.timeZone);
      return {
        filename: `panggilan-${ctx.tenant.slug}-${input.from}-${input.to}.csv`,
        csv: csvDocument(csvHeader, [
          ...days.map((entry) => csvRow(entry.day, entry)),
          csvRow("total", total),
        ]),
      };
    }),
});
