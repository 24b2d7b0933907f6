import { SvelteMap } from "svelte/reactivity";
import type { CallFeedMessage, QueueCall } from "@sigap/api/trpc";
import { LiveStream } from "#lib/api/live-stream.svelte.ts";
import { browserApi } from "#lib/api/browser-api.ts";

/** Closed calls kept on screen below the queue, newest first (an abandoned call may need calling back). */
const recentlyClosedLimit = 10;

/**
 * The tenant's call queue as the live stream tells it: the whole queue on connecting, then every
 * change of a call. The browser's EventSource reconnects by itself and resumes from the last id,
 * so nothing is missed and nothing repeats; `connection` says when the screen may be behind.
 */
export class LiveQueue extends LiveStream {
  readonly #open = new SvelteMap<string, QueueCall>();
  recentlyClosed = $state<QueueCall[]>([]);

  readonly #observe: (call: QueueCall) => void;

  /**
   * Ringing calls, longest waiting first: the operators' queue, and the supervisors' queue of
   * blocked numbers (still shown: a prankster can still have a real emergency).
   */
  readonly ringing = $derived(
    [...this.#open.values()]
      .filter((call) => call.state === "ringing" && !call.blocked)
      .sort(byOffered),
  );
  readonly ringingBlocked = $derived(
    [...this.#open.values()]
      .filter((call) => call.state === "ringing" && call.blocked)
      .sort(byOffered),
  );
  /** Calls being handled, oldest first. */
  readonly answered = $derived(
    [...this.#open.values()].filter((call) => call.state === "answered").sort(byOffered),
  );
  /** Calls other regions handed over, waiting for a call-back and a classification. */
  readonly handedOver = $derived(
    [...this.#open.values()].filter(isWaitingHandover).sort(byOffered),
  );

  /** `observe` hears every call the stream reports, as it arrives (the operator's desk follows its seat with it). */
  constructor(observe: (call: QueueCall) => void = () => undefined) {
    super();
    this.#observe = observe;
  }

  start(tenantSlug: string): void {
    this.follow((handlers) =>
      browserApi().calls.live.subscribe(
        { tenantSlug },
        {
          ...handlers,
          onData: (envelope) => {
            this.#apply(envelope.data);
          },
        },
      ),
    );
  }

  #apply(message: CallFeedMessage): void {
    if (message.kind === "queue") {
      this.#open.clear();
      for (const call of message.calls) {
        this.#open.set(call.id, call);
        this.#observe(call);
      }
      return;
    }
    const { call } = message;
    this.#observe(call);
    if (call.state === "ringing" || call.state === "answered" || isWaitingHandover(call)) {
      this.#open.set(call.id, call);
      return;
    }
    this.#open.delete(call.id);
    this.recentlyClosed = [
      call,
      ...this.recentlyClosed.filter((closed) => closed.id !== call.id),
    ].slice(0, recentlyClosedLimit);
  }
}

function isWaitingHandover(call: QueueCall): boolean {
  return call.handedOverFrom !== null && call.classification === null;
}

function byOffered(a: QueueCall, b: QueueCall): number {
  return Date.parse(a.offeredAt) - Date.parse(b.offeredAt);
}
