import type { Database } from "@sigap/db/client";
import { callFeedAfter, callFeedHead, listQueueCalls, type CallFeedEntry } from "@sigap/db/queries";
import type { QueueCall } from "@sigap/db/schema";
import { asTenantId, withTenant, type TenantId } from "@sigap/tenancy";
import type { Logger } from "../logger.ts";

/** postgres.js's `sql.listen`: `onListen` runs on every (re)connect of its dedicated connection. */
export type Listen = (
  channel: string,
  onNotify: (payload: string) => void,
  onListen?: () => void,
) => Promise<unknown>;

/** What a follower of a tenant's feed receives: the whole queue once, then each change of a call. */
export type CallFeedMessage =
  | { kind: "queue"; seq: number; calls: QueueCall[] }
  | { kind: "call"; seq: number; call: QueueCall };

/** Entries read from the database at a time, and kept per followed tenant for followers to share. */
const pageSize = 500;

/**
 * The tenants' live call feeds, as one API process follows them. One LISTEN connection per process
 * wakes it when any tenant's feed grows (call_feed_notify, with only "<tenant> <seq>"); for each
 * tenant someone here follows, the new entries are read once, inside that tenant's transaction,
 * and shared among its followers. Any number of processes can do this side by side.
 */
export class CallFeed {
  readonly #db: Database;
  readonly #listen: Listen;
  readonly #log: Logger;
  readonly #tenants = new Map<TenantId, TenantFeed>();
  #listening: Promise<unknown> | undefined;

  constructor(db: Database, listen: Listen, log: Logger) {
    this.#db = db;
    this.#listen = listen;
    this.#log = log;
  }

  /**
   * The tenant's feed from after `resumeAfter` (a seq a follower saw last), or from a fresh look at
   * the queue when there is none or it cannot be resumed from (unknown, or already purged). Ends
   * when `signal` aborts.
   */
  async *follow(
    tenantId: TenantId,
    resumeAfter: number | null,
    signal: AbortSignal,
  ): AsyncGenerator<CallFeedMessage> {
    // Listening before the first read: nothing that commits after the read goes unannounced.
    await this.#startListening();
    const feed = this.#feedOf(tenantId);
    feed.followers += 1;
    try {
      let position = resumeAfter === null ? null : await this.#resumable(tenantId, resumeAfter);
      if (position === null) {
        const queue = await withTenant(
          this.#db,
          tenantId,
          async (tx) => ({ seq: await callFeedHead(tx), calls: await listQueueCalls(tx) }),
          {
            readOnly: true,
          },
        );
        yield { kind: "queue", ...queue };
        position = queue.seq;
      }
      yield* this.#changesAfter(feed, tenantId, position, signal);
    } finally {
      feed.followers -= 1;
      if (feed.followers === 0) this.#tenants.delete(tenantId);
    }
  }

  async *#changesAfter(
    feed: TenantFeed,
    tenantId: TenantId,
    after: number,
    signal: AbortSignal,
  ): AsyncGenerator<CallFeedMessage> {
    let position = after;
    while (!signal.aborted) {
      const changed = feed.changed(signal);
      const entries: CallFeedEntry[] =
        feed.cachedAfter(position) ?? (await this.#read(tenantId, position));
      for (const entry of entries) yield { kind: "call", ...entry };
      position = entries.at(-1)?.seq ?? position;
      if (entries.length === 0) await changed;
    }
  }

  /** `seq` when the feed still holds everything after it, else null (a fresh look is needed). */
  async #resumable(tenantId: TenantId, seq: number): Promise<number | null> {
    const { head, next } = await withTenant(
      this.#db,
      tenantId,
      async (tx) => ({ head: await callFeedHead(tx), next: await callFeedAfter(tx, seq, 1) }),
      {
        readOnly: true,
      },
    );
    if (seq > head) return null;
    if (seq < head && next[0]?.seq !== seq + 1) return null;
    return seq;
  }

  #read(tenantId: TenantId, afterSeq: number): Promise<CallFeedEntry[]> {
    return withTenant(this.#db, tenantId, (tx) => callFeedAfter(tx, afterSeq, pageSize), {
      readOnly: true,
    });
  }

  #feedOf(tenantId: TenantId): TenantFeed {
    let feed = this.#tenants.get(tenantId);
    if (!feed) {
      const created = new TenantFeed((afterSeq) => this.#read(tenantId, afterSeq), this.#log);
      created.start(withTenant(this.#db, tenantId, callFeedHead, { readOnly: true }));
      this.#tenants.set(tenantId, created);
      feed = created;
    }
    return feed;
  }

  #startListening(): Promise<unknown> {
    this.#listening ??= this.#listen(
      "call_feed",
      (payload) => {
        const [tenant, seq] = payload.split(" ");
        const feed = tenant === undefined ? undefined : this.#tenants.get(asTenantId(tenant));
        feed?.announced(Number(seq));
      },
      // After a reconnect, notifications sent meanwhile are lost: every followed feed looks again.
      () => {
        for (const feed of this.#tenants.values()) feed.announced(Number.MAX_SAFE_INTEGER);
      },
    ).catch((error: unknown) => {
      this.#listening = undefined;
      throw error;
    });
    return this.#listening;
  }
}

/**
 * One tenant's feed in this process: its newest entries (contiguous, up to `head`), read once for
 * all of its followers, and a wake-up for them when the head moves.
 */
class TenantFeed {
  followers = 0;
  /** The newest entry read; -1 until the head is known. */
  #head = -1;
  #recent: CallFeedEntry[] = [];
  /** The highest seq announced and not yet read, if any. */
  #wanted = 0;
  #reading = false;
  #wake = Promise.withResolvers<undefined>();
  readonly #read: (afterSeq: number) => Promise<CallFeedEntry[]>;
  readonly #log: Logger;

  constructor(read: (afterSeq: number) => Promise<CallFeedEntry[]>, log: Logger) {
    this.#read = read;
    this.#log = log;
  }

  start(head: Promise<number>): void {
    void head.then(
      (seq) => {
        this.#head = Math.max(this.#head, seq);
        void this.#catchUp();
      },
      (error: unknown) => {
        this.#log.error({ err: error }, "call feed: reading the head failed");
      },
    );
  }

  /** Resolves when entries after the current head have been read, or when `signal` aborts. */
  changed(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const stop = () => {
        resolve();
      };
      signal.addEventListener("abort", stop, { once: true });
      void this.#wake.promise.then(() => {
        signal.removeEventListener("abort", stop);
        resolve();
      });
    });
  }

  /** The cached entries after `seq`, or null when the cache does not reach back that far. */
  cachedAfter(seq: number): CallFeedEntry[] | null {
    if (seq >= this.#head) return this.#head === -1 ? null : [];
    const first = this.#recent[0];
    if (!first || first.seq > seq + 1) return null;
    return this.#recent.slice(seq + 1 - first.seq);
  }

  announced(seq: number): void {
    this.#wanted = Math.max(this.#wanted, seq);
    void this.#catchUp();
  }

  async #catchUp(): Promise<void> {
    if (this.#reading || this.#head === -1) return;
    this.#reading = true;
    try {
      while (this.#wanted > this.#head) {
        const entries = await this.#read(this.#head);
        const last = entries.at(-1);
        if (!last) break;
        this.#recent = [...this.#recent, ...entries].slice(-pageSize);
        this.#head = last.seq;
        const wake = this.#wake;
        this.#wake = Promise.withResolvers<undefined>();
        wake.resolve(undefined);
      }
      this.#wanted = 0;
    } catch (error) {
      // Followers keep what they had; the next announcement (or reconnect) reads again.
      this.#log.error({ err: error }, "call feed: reading new entries failed");
    } finally {
      this.#reading = false;
    }
  }
}
