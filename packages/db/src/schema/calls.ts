import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, tenantId, tenantIsolationPolicy, timestamps } from "./columns.ts";
import { incidents } from "./incidents.ts";
import { regencies } from "./regions.ts";
import { tenants } from "./tenants.ts";
import { users } from "./users.ts";

export const callEventTypes = [
  "call.offered",
  "call.answered",
  "call.transferred",
  "call.abandoned",
  "call.ended",
] as const;
export const callEventType = pgEnum("call_event_type", callEventTypes);
export type CallEventType = (typeof callEventTypes)[number];
/** Where a call stands, derived from every event received for it (see apps/api/src/telephony/call-state.ts). */
export const callState = pgEnum("call_state", ["ringing", "answered", "abandoned", "ended"]);
/** What the operator found a call to be; every answered call is closed with one. */
export const callClassifications = [
  "emergency",
  "information",
  "prank",
  "silent",
  "wrong_region",
  "test",
] as const;
export const callClassification = pgEnum("call_classification", callClassifications);
export type CallClassification = (typeof callClassifications)[number];

/**
 * One call into the region's 112 line, as the telephony events report it. Keyed by the PBX/SBC's
 * own call id per trunk. No foreign key to the trunk: a call's record outlives a trunk removed later.
 */
export const calls = pgTable(
  "calls",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: id(),
    trunkId: uuid().notNull(),
    /** The PBX/SBC's id for the call (a SIP Call-ID, an Asterisk channel id). */
    externalCallId: text().notNull(),
    /** The number dialled, E.164. */
    did: text().notNull(),
    /** The caller's number, E.164; null when withheld. Personal data. */
    callerNumber: text(),
    state: callState().notNull(),
    offeredAt: timestamp({ withTimezone: true }).notNull(),
    answeredAt: timestamp({ withTimezone: true }),
    /** The operator seat or extension that answered. */
    answeredBySeat: text(),
    /** Where the call was last transferred to (a seat, an extension, another number). */
    transferredTo: text(),
    endedAt: timestamp({ withTimezone: true }),
    /** The newest device location sent with the call (Advanced Mobile Location). Personal data. */
    location: jsonb().$type<DeviceLocation>(),
    /** What the operator found the call to be; null until the call is closed. */
    classification: callClassification(),
    classifiedAt: timestamp({ withTimezone: true }),
    classifiedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The operator's note on closing the call. */
    classificationNote: text(),
    /** Where the operator placed the caller (never overwritten by the device location). Personal data. */
    operatorLocation: jsonb().$type<OperatorLocation>(),
    /** For an emergency: the incident the call created or was attached to. */
    incidentId: uuid(),
    /** For a wrong-region call: the kabupaten/kota the caller needed. */
    wrongRegionCode: text().references(() => regencies.code),
    /** A call another region's operator handed over to this one (no telephony event will come for it). */
    handedOverFrom: jsonb().$type<CallHandover>(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique("calls_external_id").on(t.tenantId, t.trunkId, t.externalCallId),
    foreignKey({
      columns: [t.tenantId, t.incidentId],
      foreignColumns: [incidents.tenantId, incidents.id],
    }),
    index().on(t.tenantId, t.state, t.offeredAt),
    index().on(t.tenantId, t.callerNumber, t.offeredAt),
    index().on(t.tenantId, t.incidentId),
    check(
      "calls_classified_with_time",
      sql`(${t.classification} is null) = (${t.classifiedAt} is null)`,
    ),
    check(
      "calls_wrong_region_named",
      sql`${t.wrongRegionCode} is null or ${t.classification} = 'wrong_region'`,
    ),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/** Where the operator placed the caller: a point on the map and/or words. Personal data. */
export interface OperatorLocation {
  latitude: number | null;
  longitude: number | null;
  /** The kecamatan (Kemendagri code) the point lies in, or the operator chose. */
  kecamatanCode: string | null;
  /** Address or landmark as the caller said it. */
  address: string | null;
}

/** Where a handed-over call came from, as the receiving region's operators see it. */
export interface CallHandover {
  regionName: string;
  tenantName: string;
  /** The call's id in the region that handed it over (for the audit trail of both). */
  callId: string;
  handedOverAt: string;
  note: string | null;
}

/** A device location in the form of Advanced Mobile Location (ETSI TS 103 625). */
export interface DeviceLocation {
  latitude: number;
  longitude: number;
  /** Radius of the circle the device is in, in metres. */
  accuracyMeters: number;
  /** When the device fixed the position (ISO 8601). */
  fixedAt: string;
  positioningMethod: "gnss" | "wifi" | "cell" | "hybrid" | "unknown";
}

/**
 * Every telephony event accepted, keyed by the sender's event id: a retried event finds its first
 * delivery here and changes nothing. The call's state is derived from all of its events, so the
 * order they arrive in does not matter.
 */
export const callEvents = pgTable(
  "call_events",
  {
    tenantId: tenantId(),
    eventId: text().notNull(),
    callId: uuid().notNull(),
    type: callEventType().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The event as accepted (normalised; personal data), compared when the same event id arrives again. */
    event: jsonb().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.eventId] }),
    foreignKey({
      columns: [t.tenantId, t.callId],
      foreignColumns: [calls.tenantId, calls.id],
    }).onDelete("cascade"),
    index().on(t.tenantId, t.callId, t.occurredAt),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/**
 * Telephony events the platform refused (unknown number, disabled trunk, bad signature, stale
 * timestamp): never dropped silently, kept for platform admins. A platform table: the runtime role
 * may only add rows; reading goes through refused_telephony_events_list(), for platform admins.
 */
export const refusedTelephonyEvents = pgTable(
  "refused_telephony_events",
  {
    id: id().primaryKey(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The error code the sender got. */
    reason: text().notNull(),
    detail: text().notNull(),
    /** The numbers and event ids the request named, when it could be read. */
    dids: text()
      .array()
      .notNull()
      .default(sql`'{}'`),
    eventIds: text()
      .array()
      .notNull()
      .default(sql`'{}'`),
    remoteAddress: text(),
    /** The start of the body as received, for diagnosis. */
    bodyExcerpt: text().notNull(),
  },
  (t) => [
    index().on(t.receivedAt),
    check("refused_telephony_events_excerpt", sql`length(${t.bodyExcerpt}) <= 2048`),
  ],
);

/** A call's own facts as the portal shows them, dates as ISO strings. */
export interface CallView {
  id: string;
  state: (typeof callState.enumValues)[number];
  did: string;
  callerNumber: string | null;
  offeredAt: string;
  answeredAt: string | null;
  answeredBySeat: string | null;
  transferredTo: string | null;
  endedAt: string | null;
  location: DeviceLocation | null;
  classification: CallClassification | null;
  /** Set when another region handed the call over: it waits for a call-back and a classification. */
  handedOverFrom: CallHandover | null;
}

/**
 * What an operator's queue shows of a call at one moment: the call's facts, and how many other
 * calls came from the same number in the 24 hours before it (the repeat-caller badge).
 */
export interface QueueCall extends CallView {
  /** Other calls from this number offered in the 24 hours before this one. */
  earlierCallsFromNumber: number;
  /** Whether the number is on the tenant's blocklist (the call still rings, with a badge). */
  blocked: boolean;
}

/**
 * The tenant's live call feed: every change of a call, in commit order, numbered without gaps per
 * tenant (call_feed_heads hands out the numbers under a row lock held to commit). Live queues
 * follow it through LISTEN/NOTIFY and resume after a reconnect from the last number they saw.
 */
export const callFeed = pgTable(
  "call_feed",
  {
    tenantId: tenantId(),
    seq: bigint({ mode: "number" }).notNull(),
    callId: uuid().notNull(),
    /** The call as it stood after this change. Personal data (caller number, location). */
    call: jsonb().$type<QueueCall>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    foreignKey({
      columns: [t.tenantId, t.callId],
      foreignColumns: [calls.tenantId, calls.id],
    }).onDelete("cascade"),
    index().on(t.tenantId, t.callId),
    index().on(t.tenantId, t.createdAt),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/** The last number handed out in each tenant's call feed. */
export const callFeedHeads = pgTable(
  "call_feed_heads",
  {
    tenantId: tenantId()
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    lastSeq: bigint({ mode: "number" }).notNull(),
  },
  () => [tenantIsolationPolicy()],
).enableRLS();

/**
 * Numbers the tenant treats as pranksters until `expiresAt`. Blocking never hides a call: a
 * blocked number's call still rings in the queue, with a badge, because a prankster can still
 * have a real emergency.
 */
export const callBlocklist = pgTable(
  "call_blocklist",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    /** The caller's number, E.164. Personal data. */
    number: text().notNull(),
    reason: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Who blocked it (null once that person is deleted). */
    blockedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.number] }),
    index().on(t.tenantId, t.expiresAt),
    tenantIsolationPolicy(),
  ],
).enableRLS();

/**
 * Who sits at which operator seat (the PBX's extension or the seat name its events carry), and
 * since when: `call.answered` for a seat opens the call panel of whoever sits there. A seat holds
 * one person at a time and a person one seat; ended rows stay for the shift figures.
 */
export const operatorSeats = pgTable(
  "operator_seats",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: id(),
    seat: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("operator_seats_one_holder")
      .on(t.tenantId, t.seat)
      .where(sql`${t.endedAt} is null`),
    uniqueIndex("operator_seats_one_seat_each")
      .on(t.tenantId, t.userId)
      .where(sql`${t.endedAt} is null`),
    index().on(t.tenantId, t.startedAt),
    check("operator_seats_seat_format", sql`${t.seat} ~ '^[A-Za-z0-9][A-Za-z0-9._@:/-]{0,63}$'`),
    tenantIsolationPolicy(),
  ],
).enableRLS();
