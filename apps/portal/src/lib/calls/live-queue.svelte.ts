import { SvelteMap } from "svelte/reactivity";
import type { CallFeedMessage, QueueCall } from "@sigap/api/trpc";
import { browserApi } from "#lib/auth/browser-api.ts";

/** How the stream stands, for the status line. */
export type QueueConnection = "connecting" | "live" | "reconnecting" | "ended";

/** Closed calls kept on screen below the queue, newest first (an abandoned call may need calling back). */
const recentlyClosedLimit = 10;

/**
 * The tenant's call queue as the live stream tells it: the whole queue on connecting, then every
 * change of a call. The browser's EventSource reconnects by itself and resumes from the last id,
 * so nothing is missed and nothing repeats; `connection` says when the screen may be behind.
 */
export class LiveQueue {
  connection = $state<QueueConnection>("connecting");
  /** Why the stream ended, when the server ended it (signed out, role changed). */
  endedBecause = $state<string | null>(null);
  readonly #open = new SvelteMap<string, QueueCall>();
  recentlyClosed = $state<QueueCall[]>([]);
  #unsubscribe: (() => void) | undefined;

  readonly #observe: (call: QueueCall) => void;

  /**
   * Ringing calls, longest waiting first: the operators' queue, and the supervisors' queue of
   * blocked numbers (still shown: a prankster can still have a real emergency).
   */
  readonly ringing = $derived([...this.#open.values()].filter((call) => call.state === "ringing" && !call.blocked).sort(byOffered));
  readonly ringingBlocked = $derived([...this.#open.values()].filter((call) => call.state === "ringing" && call.blocked).sort(byOffered));
  /** Calls being handled, oldest first. */
  readonly answered = $derived([...this.#open.values()].filter((call) => call.state === "answered").sort(byOffered));
  /** Calls other regions handed over, waiting for a call-back and a classification. */
  readonly handedOver = $derived([...this.#open.values()].filter(isWaitingHandover).sort(byOffered));

  /** `observe` hears every call the stream reports, as it arrives (the operator's desk follows its seat with it). */
  constructor(observe: (call: QueueCall) => void = () => undefined) {
    this.#observe = observe;
  }

  start(tenantSlug: string): void {
    const subscription = browserApi().calls.live.subscribe(
      { tenantSlug },
      {
        onData: (envelope) => {
          this.#apply(envelope.data);
        },
        onConnectionStateChange: (state) => {
          if (state.state === "pending") this.connection = "live";
          else if (state.state === "connecting") this.connection = this.connection === "connecting" ? "connecting" : "reconnecting";
        },
        onError: (error) => {
          this.endedBecause = error.message;
          this.connection = "ended";
        },
      },
    );
    this.#unsubscribe = () => {
      subscription.unsubscribe();
    };
  }

  stop(): void {
    this.#unsubscribe?.();
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
    this.recentlyClosed = [call, ...this.recentlyClosed.filter((closed) => closed.id !== call.id)].slice(0, recentlyClosedLimit);
  }
}

function isWaitingHandover(call: QueueCall): boolean {
  return call.handedOverFrom !== null && call.classification === null;
}

function byOffered(a: QueueCall, b: QueueCall): number {
  return Date.parse(a.offeredAt) - Date.parse(b.offeredAt);
}
