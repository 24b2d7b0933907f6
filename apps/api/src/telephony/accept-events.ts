import { isDeepStrictEqual } from "node:util";
import type { Database, TenantTx } from "@sigap/db/client";
import {
  appendCallFeedRows,
  findCallEvents,
  findTrunk,
  insertCallEvent,
  listCallEvents,
  lockCall,
  recordRefusedTelephonyEvent,
  routeDid,
  updateCallFacts,
  type CallEventRow,
  type CallFacts,
  type CallRow,
} from "@sigap/db/queries";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { ApiError, fieldIssues, type ErrorCode, type FieldIssue } from "../http/errors.ts";
import type { SecretBox } from "../security/secret-box.ts";
import { unacceptableInputIssue } from "../validation/text.ts";
import { deriveCall } from "./call-state.ts";
import { openEventSecret } from "./event-secret.ts";
import {
  telephonyBatchSchema,
  telephonyEventSchema,
  type TelephonyEvent,
} from "./events-schema.ts";
import { signatureHeader, signatureMatches, timestampFresh, timestampHeader } from "./signature.ts";

/** A request to the event route as received: the raw body is what was signed. */
export interface TelephonyRequest {
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  remoteAddress: string | null;
  now: Date;
}

/** Per event, in request order: the call it belongs to. A retried event answers as it first did. */
export interface AcceptedEvent {
  eventId: string;
  callId: string;
}

type RefusalCode = Extract<
  ErrorCode,
  "BAD_SIGNATURE" | "STALE_TIMESTAMP" | "TRUNK_DISABLED" | "UNKNOWN_DID"
>;

/** A refusal found inside the tenant's transaction, recorded once that transaction has rolled back. */
class Refusal extends Error {
  readonly code: RefusalCode;

  constructor(code: RefusalCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Checks and applies a request of telephony events. Refused requests (stale timestamp, unknown
 * number, disabled trunk, bad signature) are kept for platform admins before the error goes back;
 * malformed ones get a 400 naming the field. When this returns, every event is committed.
 */
export async function acceptTelephonyEvents(
  db: Database,
  box: SecretBox,
  request: TelephonyRequest,
): Promise<AcceptedEvent[]> {
  const refuse = async (refusal: Refusal): Promise<never> => {
    const readable = readableEvents(request.body);
    await recordRefusedTelephonyEvent(db, {
      reason: refusal.code,
      detail: refusal.message,
      dids: [...new Set(readable.map((event) => event.did))],
      eventIds: readable.map((event) => event.eventId),
      remoteAddress: request.remoteAddress,
      bodyExcerpt: request.body.slice(0, 2048).toWellFormed().replaceAll("\0", "\uFFFD"),
    });
    throw new ApiError(refusal.code, refusal.message);
  };

  // Who is asking comes first: a caller without a signature learns nothing about the body's shape.
  const { timestamp, signature } = request;
  if (timestamp === undefined || signature === undefined) {
    return refuse(
      new Refusal(
        "BAD_SIGNATURE",
        `${timestampHeader} and ${signatureHeader} headers are required`,
      ),
    );
  }
  if (!timestampFresh(timestamp, request.now)) {
    return refuse(
      new Refusal(
        "STALE_TIMESTAMP",
        `${timestampHeader} must be the current Unix time in seconds, within 5 minutes`,
      ),
    );
  }
  const events = parseEvents(request.body);
  const route = await routeOf(db, events);
  if (route instanceof Refusal) return refuse(route);

  try {
    return await withTenant(db, asTenantId(route.tenantId), async (tx) => {
      // Sent together: whether the events were received before is read while the trunk is.
      const [trunk, received] = await Promise.all([
        findTrunk(tx, route.trunkId),
        findCallEvents(
          tx,
          events.map((event) => event.eventId),
        ),
      ]);
      if (!trunk) throw new Refusal("UNKNOWN_DID", "No region answers this number");
      if (trunk.status === "disabled")
        throw new Refusal("TRUNK_DISABLED", "The trunk this number arrives on is disabled");
      const secrets = [trunk.eventSecretEncrypted, trunk.previousEventSecretEncrypted].flatMap(
        (sealed) => (sealed ? [openEventSecret(box, route.trunkId, sealed)] : []),
      );
      if (!signatureMatches(secrets, timestamp, request.body, signature)) {
        throw new Refusal(
          "BAD_SIGNATURE",
          `${signatureHeader} does not match the body signed with the trunk's event secret`,
        );
      }
      const applied: AppliedEvent[] = [];
      for (const [index, event] of events.entries()) {
        const first = received.get(event.eventId);
        applied.push(
          first
            ? sameAsFirst(event, first, index, events.length)
            : await applyEvent(tx, route, event, index, events.length),
        );
      }
      // Each changed call as it stands after the request's last event for it, in order of first change.
      const changed = new Map(
        applied.flatMap(({ call }) => (call ? [[call.id, call] as const] : [])),
      );
      // Last, as it makes the tenant's other requests wait for this one's commit.
      await appendCallFeedRows(tx, route.tenantId, [...changed.values()]);
      return applied.map(({ eventId, callId }) => ({ eventId, callId }));
    });
  } catch (error) {
    if (error instanceof Refusal) return refuse(error);
    throw error;
  }
}

/** The events of a request, one or a batch, or a 400 naming each offending field. */
function parseEvents(body: string): TelephonyEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ApiError("BAD_REQUEST", "The body must be JSON: one event, or { events: [...] }");
  }
  const unacceptable = unacceptableInputIssue(parsed);
  if (unacceptable) throw new ApiError("BAD_REQUEST", "Invalid request", [unacceptable]);
  const batch = typeof parsed === "object" && parsed !== null && "events" in parsed;
  const result = batch
    ? telephonyBatchSchema.safeParse(parsed)
    : telephonyEventSchema.safeParse(parsed);
  if (!result.success)
    throw new ApiError("BAD_REQUEST", "Invalid request", fieldIssues(result.error));
  return "events" in result.data ? result.data.events : [result.data];
}

/** For the refused-event log: the events of a body as far as they can be read, else none. */
function readableEvents(body: string): TelephonyEvent[] {
  try {
    return parseEvents(body);
  } catch {
    return [];
  }
}

/** The tenant and trunk every number of the request rings; one trunk per request, as one signs it. */
async function routeOf(
  db: Database,
  events: readonly TelephonyEvent[],
): Promise<{ tenantId: string; trunkId: string } | Refusal> {
  const dids = [...new Set(events.map((event) => event.did))];
  const routes = new Map(
    await Promise.all(dids.map(async (did) => [did, await routeDid(db, did)] as const)),
  );
  const unknown = dids.find((did) => routes.get(did) === undefined);
  if (unknown !== undefined) return new Refusal("UNKNOWN_DID", `No region answers ${unknown}`);
  const [first] = events;
  const route = first && routes.get(first.did);
  if (!route) throw new Error("a request has at least one routed event");
  const elsewhere: FieldIssue[] = events.flatMap((event, index) =>
    routes.get(event.did)?.trunkId === route.trunkId
      ? []
      : [
          {
            path: `events.${String(index)}.did`,
            message: `did ${event.did} arrives on another trunk: send each trunk's events signed on their own`,
            reason: "invalid",
          },
        ],
  );
  if (elsewhere.length > 0) throw new ApiError("BAD_REQUEST", "Invalid request", elsewhere);
  return route;
}

/** An accepted event, with its call as it now stands when it was recorded now (none for a retry). */
interface AppliedEvent extends AcceptedEvent {
  call?: CallRow;
}

/** The event as stored and compared: plain JSON, as it reads back from the database. */
function stored(event: TelephonyEvent): Record<string, unknown> {
  return JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
}

function fromStored(row: CallEventRow): TelephonyEvent {
  return { ...(row.event as TelephonyEvent), occurredAt: row.occurredAt };
}

/** A retry of an event already received: it answers as the first did, or conflicts if its content differs. */
function sameAsFirst(
  event: TelephonyEvent,
  first: CallEventRow,
  index: number,
  count: number,
): AppliedEvent {
  if (!isDeepStrictEqual(first.event, stored(event))) {
    const path = count === 1 ? "eventId" : `events.${String(index)}.eventId`;
    throw new ApiError(
      "CONFLICT",
      `Event ${event.eventId} was already received with different content`,
      [
        {
          path,
          message: `eventId ${event.eventId} is already used by a different event`,
          reason: "taken",
        },
      ],
    );
  }
  return { eventId: event.eventId, callId: first.callId };
}

/**
 * Applies one new event: recorded under its id (a concurrent delivery of the same event finds the
 * first and changes nothing), then the call's facts are derived again from all of its events.
 */
async function applyEvent(
  tx: TenantTx,
  route: { tenantId: string; trunkId: string },
  event: TelephonyEvent,
  index: number,
  count: number,
): Promise<AppliedEvent> {
  const call = await lockCall(tx, route.tenantId, route.trunkId, event.callId, deriveCall([event]));
  // Sent together: the list, run after the insert on the same connection, includes the new event.
  const [inserted, rows] = await Promise.all([
    insertCallEvent(tx, {
      tenantId: route.tenantId,
      eventId: event.eventId,
      callId: call.id,
      type: event.type,
      occurredAt: event.occurredAt,
      event: stored(event),
    }),
    listCallEvents(tx, call.id),
  ]);
  if (!inserted) {
    const first = (await findCallEvents(tx, [event.eventId])).get(event.eventId);
    if (!first) throw new Error(`call event ${event.eventId} neither inserted nor found`);
    return sameAsFirst(event, first, index, count);
  }
  const facts = deriveCall(rows.map(fromStored));
  // A call's first event already wrote these facts when it created the row.
  const current = standsAs(call, facts) ? call : await updateCallFacts(tx, call.id, facts);
  return { eventId: event.eventId, callId: call.id, call: current };
}

/** Whether the call already stands as `facts` say. */
function standsAs(call: CallRow, facts: CallFacts): boolean {
  return Object.entries(facts).every(([key, value]) =>
    isDeepStrictEqual(call[key as keyof CallFacts], value),
  );
}
