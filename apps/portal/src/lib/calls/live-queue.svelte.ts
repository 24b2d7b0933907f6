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

  /** Ringing calls first, longest waiting first; then calls being handled, oldest first. */
  readonly ringing = $derived([...this.#open.values()].filter((call) => call.state === "ringing").sort(byOffered));
  readonly answered = $derived([...this.#open.values()].filter((call) => call.state === "answered").sort(byOffered));

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
      for (const call of message.calls) this.#open.set(call.id, call);
      return;
    }
    const { call } = message;
    if (call.state === "ringing" || call.state === "answered") {
      this.#open.set(call.id, call);
      return;
    }
    this.#open.delete(call.id);
    this.recentlyClosed = [call, ...this.recentlyClosed.filter((closed) => closed.id !== call.id)].slice(0, recentlyClosedLimit);
  }
}

function byOffered(a: QueueCall, b: QueueCall): number {
  return Date.parse(a.offeredAt) - Date.parse(b.offeredAt);
}
