import type { Listen } from "../calls/call-feed.ts";
import type { Logger } from "../logger.ts";

type Wake = (incidentId: string) => void;

/** Stands for every incident of the tenant: what may have changed while the listener was reconnecting. */
const everything = "*";

/**
 * Which incidents changed, tenant by tenant, as one API process hears it: one LISTEN on
 * `incident_changed` (every timeline entry sends one, see migration 0021), fanned out to the
 * followers of that tenant. The signal carries no data; followers read what changed inside the
 * tenant's transaction, so row-level security decides what they see.
 */
export class IncidentSignals {
  readonly #listen: Listen;
  readonly #log: Logger;
  readonly #followers = new Map<string, Set<Wake>>();
  #listening: Promise<unknown> | undefined;

  constructor(listen: Listen, log: Logger) {
    this.#listen = listen;
    this.#log = log;
  }

  /**
   * The ids of the tenant's incidents as they change, until `signal` aborts. Changes that arrive
   * while the follower is busy are gathered, each id once, so a slow follower never falls behind.
   */
  async *follow(tenantId: string, signal: AbortSignal): AsyncGenerator<string[]> {
    await this.#startListening();
    const pending = new Set<string>();
    let wakeUp: (() => void) | undefined;
    const wake: Wake = (incidentId) => {
      pending.add(incidentId);
      wakeUp?.();
    };
    const followers = this.#followers.get(tenantId) ?? new Set<Wake>();
    this.#followers.set(tenantId, followers);
    followers.add(wake);
    const onAbort = () => wakeUp?.();
    signal.addEventListener("abort", onAbort);
    try {
      // A function, not the property: the signal may abort while we wait.
      const ended = () => signal.aborted;
      while (!ended()) {
        if (pending.size === 0) await new Promise<void>((resolve) => (wakeUp = resolve));
        wakeUp = undefined;
        if (ended()) break;
        const changed = [...pending];
        pending.clear();
        yield changed;
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
      followers.delete(wake);
      if (followers.size === 0) this.#followers.delete(tenantId);
    }
  }

  #startListening(): Promise<unknown> {
    this.#listening ??= this.#listen(
      "incident_changed",
      (payload) => {
        const [tenantId, incidentId] = payload.split(" ");
        if (!tenantId || !incidentId) {
          this.#log.warn({ payload }, "incident_changed: unreadable payload");
          return;
        }
        for (const wake of this.#followers.get(tenantId) ?? []) wake(incidentId);
      },
      // After a reconnect, signals sent meanwhile are lost: every follower is told to look again.
      () => {
        for (const followers of this.#followers.values())
          for (const wake of followers) wake(everything);
      },
    ).catch((error: unknown) => {
      this.#listening = undefined;
      throw error;
    });
    return this.#listening;
  }
}
