/** How a live stream stands, for the status line. */
export type StreamConnection = "connecting" | "live" | "reconnecting" | "ended";

/** What a subscription reports besides its data; the caller adds its own `onData`. */
export interface ConnectionHandlers {
  onConnectionStateChange: (state: { state: "idle" | "connecting" | "pending" }) => void;
  onError: (error: { message: string }) => void;
}

/**
 * One live subscription (server-sent events) and how its connection stands. The browser's
 * EventSource reconnects by itself; `connection` says when the screen may be behind, and
 * `endedBecause` why the server ended the stream (signed out, role changed).
 */
export class LiveStream {
  connection = $state<StreamConnection>("connecting");
  endedBecause = $state<string | null>(null);
  #subscription: { unsubscribe: () => void } | undefined;

  /** Subscribes through `subscribe`, which passes `handlers` on to the procedure with its own `onData`. */
  protected follow(subscribe: (handlers: ConnectionHandlers) => { unsubscribe: () => void }): void {
    this.#subscription = subscribe({
      onConnectionStateChange: (state) => {
        if (state.state === "pending") this.connection = "live";
        else if (state.state === "connecting")
          this.connection = this.connection === "connecting" ? "connecting" : "reconnecting";
      },
      onError: (error) => {
        this.endedBecause = error.message;
        this.connection = "ended";
      },
    });
  }

  stop(): void {
    this.#subscription?.unsubscribe();
  }
}
