import { browserApi } from "#lib/auth/browser-api.ts";
import type { QueueConnection } from "#lib/calls/live-queue.svelte.ts";

/**
 * Which of the region's incidents change, as the live stream tells it. The stream carries ids
 * only: each page reads again what it shows. The first message of every (re)connection carries
 * none and is passed on too, because changes made while the stream was down are not replayed.
 */
export class IncidentChanges {
  connection = $state<QueueConnection>("connecting");
  /** Why the stream ended, when the server ended it (signed out, role changed). */
  endedBecause = $state<string | null>(null);
  #unsubscribe: (() => void) | undefined;

  start(tenantSlug: string, onchange: (incidentIds: string[]) => void): void {
    const subscription = browserApi().incidents.live.subscribe(
      { tenantSlug },
      {
        onData: (envelope) => {
          onchange(envelope.data.incidentIds);
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
}
