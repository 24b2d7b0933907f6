import { sql, type SQL } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { callClassifications, type CallClassification } from "../schema/calls.ts";

// Inside one tenant's `withTenant`: how the region answers its calls, for the supervisor's
// wallboard and the reports. Calls handed over by another region are not calls to this line, so
// they count in no figure.

/** How a set of calls went. Shares are left to the reader: the counts say what they are shares of. */
export interface CallFigures {
  /** Calls offered (rung) in the period, still ringing or not. */
  offered: number;
  answered: number;
  /** Calls the caller hung up on before anybody answered. */
  abandoned: number;
  answeredWithin10s: number;
  answeredWithin15s: number;
  /** Median seconds from ringing to answer, of the answered calls; null without any. */
  medianAnswerSeconds: number | null;
  /** Median seconds from answer to hang-up, of the answered calls that ended. */
  medianTalkSeconds: number | null;
  classified: Record<CallClassification, number>;
  /** Answered calls nobody has classified yet. */
  unclassified: number;
}

/** A type, not an interface: the driver wants a record. */
type FigureRow = {
  offered: number;
  answered: number;
  abandoned: number;
  within_10s: number;
  within_15s: number;
  median_answer: number | null;
  median_talk: number | null;
  unclassified: number;
  by_classification: Partial<Record<CallClassification, number>> | null;
};

function figuresOf(row: FigureRow | undefined): CallFigures {
  const classified = Object.fromEntries(
    callClassifications.map((name) => [name, row?.by_classification?.[name] ?? 0]),
  ) as Record<CallClassification, number>;
  return {
    offered: row?.offered ?? 0,
    answered: row?.answered ?? 0,
    abandoned: row?.abandoned ?? 0,
    answeredWithin10s: row?.within_10s ?? 0,
    answeredWithin15s: row?.within_15s ?? 0,
    medianAnswerSeconds: row?.median_answer ?? null,
    medianTalkSeconds: row?.median_talk ?? null,
    classified,
    unclassified: row?.unclassified ?? 0,
  };
}

/**
 * The figures of calls offered in [from, to), grouped by `groupKey` (an SQL expression over `c`,
 * or none for one group). Classification counts come from a second grouping of the same rows.
 */
async function figuresGrouped(
  tx: TenantTx,
  from: Date,
  to: Date,
  groupKey: SQL | null,
): Promise<Map<string, CallFigures>> {
  const key = groupKey ?? sql`''`;
  const rows = await tx.execute<FigureRow & { key: string }>(sql`
    with period as (
      select c.*, (${key})::text as key from calls c
       where c.offered_at >= ${from.toISOString()}::timestamptz and c.offered_at < ${to.toISOString()}::timestamptz and c.handed_over_from is null
    ),
    mix as (
      select key, jsonb_object_agg(classification, n) as by_classification
        from (select key, classification, count(*)::int as n from period where classification is not null group by key, classification) counted
       group by key
    )
    select p.key,
           count(*)::int as offered,
           count(*) filter (where p.answered_at is not null)::int as answered,
           count(*) filter (where p.state = 'abandoned')::int as abandoned,
           count(*) filter (where p.answered_at <= p.offered_at + interval '10 seconds')::int as within_10s,
           count(*) filter (where p.answered_at <= p.offered_at + interval '15 seconds')::int as within_15s,
           percentile_cont(0.5) within group (order by extract(epoch from p.answered_at - p.offered_at)) filter (where p.answered_at is not null) as median_answer,
           percentile_cont(0.5) within group (order by extract(epoch from p.ended_at - p.answered_at))
             filter (where p.answered_at is not null and p.ended_at is not null) as median_talk,
           count(*) filter (where p.answered_at is not null and p.classification is null)::int as unclassified,
           max(m.by_classification::text)::jsonb as by_classification
      from period p left join mix m on m.key = p.key
     group by p.key
     order by p.key`);
  return new Map(rows.map((row) => [row.key, figuresOf(row)]));
}

/** How the calls offered in [from, to) went. */
export async function callFiguresBetween(tx: TenantTx, from: Date, to: Date): Promise<CallFigures> {
  return (await figuresGrouped(tx, from, to, null)).get("") ?? figuresOf(undefined);
}

/** The figures of each day (YYYY-MM-DD in `timeZone`) of [from, to) that had calls, in day order. */
export async function dailyCallFigures(
  tx: TenantTx,
  from: Date,
  to: Date,
  timeZone: string,
): Promise<(CallFigures & { day: string })[]> {
  const byDay = await figuresGrouped(
    tx,
    from,
    to,
    sql`to_char(c.offered_at at time zone ${timeZone}, 'YYYY-MM-DD')`,
  );
  return [...byDay].map(([day, figures]) => ({ day, ...figures }));
}

/** One person at a seat now, what their seat is doing, and how their time there went. */
export interface SeatFigures {
  seat: string;
  userId: string;
  displayName: string;
  since: Date;
  /** The call the seat is on now, if any. */
  onCallSince: Date | null;
  answered: number;
  medianTalkSeconds: number | null;
  pranks: number;
  unclassified: number;
}

/** Every seat taken now, with the calls it answered since its holder sat down. */
export async function occupiedSeatFigures(tx: TenantTx): Promise<SeatFigures[]> {
  const rows = await tx.execute<{
    seat: string;
    user_id: string;
    display_name: string;
    since: string;
    on_call_since: string | null;
    answered: number;
    median_talk: number | null;
    pranks: number;
    unclassified: number;
  }>(sql`
    select s.seat, s.user_id, u.display_name, s.started_at as since,
           max(c.answered_at) filter (where c.state = 'answered') as on_call_since,
           count(c.id)::int as answered,
           percentile_cont(0.5) within group (order by extract(epoch from c.ended_at - c.answered_at)) filter (where c.ended_at is not null) as median_talk,
           count(c.id) filter (where c.classification = 'prank')::int as pranks,
           count(c.id) filter (where c.classification is null)::int as unclassified
      from operator_seats s
      join users u on u.id = s.user_id
      left join calls c on c.answered_by_seat = s.seat and c.answered_at >= s.started_at and c.handed_over_from is null
     where s.ended_at is null
     group by s.seat, s.user_id, u.display_name, s.started_at
     order by s.seat`);
  return rows.map((row) => ({
    seat: row.seat,
    userId: row.user_id,
    displayName: row.display_name,
    since: new Date(row.since),
    onCallSince: row.on_call_since === null ? null : new Date(row.on_call_since),
    answered: row.answered,
    medianTalkSeconds: row.median_talk,
    pranks: row.pranks,
    unclassified: row.unclassified,
  }));
}
