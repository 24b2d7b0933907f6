import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { id, tenantId, tenantIsolationPolicy, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";
import { users } from "./users.ts";

export const callEventTypes = ["call.offered", "call.answered", "call.transferred", "call.abandoned", "call.ended"] as const;
export const callEventType = pgEnum("call_event_type", callEventTypes);
export type CallEventType = (typeof callEventTypes)[number];
/** Where a call stands, derived from every event received for it (see apps/api/src/telephony/call-state.ts). */
export const callState = pgEnum("call_state", ["ringing", "answered", "abandoned", "ended"]);

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
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique("calls_external_id").on(t.tenantId, t.trunkId, t.externalCallId),
    index().on(t.tenantId, t.state, t.offeredAt),
    index().on(t.tenantId, t.callerNumber, t.offeredAt),
    tenantIsolationPolicy(),
  ],
).enableRLS();

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
    foreignKey({ columns: [t.tenantId, t.callId], foreignColumns: [calls.tenantId, calls.id] }).onDelete("cascade"),
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
    dids: text().array().notNull().default(sql`'{}'`),
    eventIds: text().array().notNull().default(sql`'{}'`),
    remoteAddress: text(),
    /** The start of the body as received, for diagnosis. */
    bodyExcerpt: text().notNull(),
  },
  (t) => [index().on(t.receivedAt), check("refused_telephony_events_excerpt", sql`length(${t.bodyExcerpt}) <= 2048`)],
);

/**
 * What an operator's queue shows of a call at one moment: the call's facts, and how many other
 * calls came from the same number in the 24 hours before it (the repeat-caller badge).
 */
export interface QueueCall {
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
    foreignKey({ columns: [t.tenantId, t.callId], foreignColumns: [calls.tenantId, calls.id] }).onDelete("cascade"),
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
  (t) => [primaryKey({ columns: [t.tenantId, t.number] }), index().on(t.tenantId, t.expiresAt), tenantIsolationPolicy()],
).enableRLS();
