import { SvelteMap } from "svelte/reactivity";
import type { CallView } from "@sigap/api/trpc";
import { browserApi } from "#lib/api/browser-api.ts";

export interface Seat {
  seat: string;
  since: string;
}

/**
 * The operator's desk: the seat they sit at, and the calls that seat answered since they sat
 * down that still wait for a classification. The call panel shows the oldest of those, or a
 * handed-over call the operator chose to handle.
 */
export class CallDesk {
  /** Undefined while loading; null when the operator stands. */
  seat = $state<Seat | null | undefined>(undefined);
  occupied = $state<{ seat: string; holder: string; you: boolean }[]>([]);
  /** A handed-over call the operator took from the list (it rang at no seat). */
  picked = $state<CallView | null>(null);
  readonly #awaiting = new SvelteMap<string, CallView>();
  readonly #tenantSlug: string;

  /** The call the panel shows: a picked hand-over first, else the oldest call answered at my seat. */
  readonly current = $derived(
    this.picked ?? [...this.#awaiting.values()].sort(byAnswered)[0] ?? null,
  );
  readonly waiting = $derived(this.#awaiting.size);

  constructor(tenantSlug: string) {
    this.#tenantSlug = tenantSlug;
  }

  async load(): Promise<void> {
    const seats = await browserApi().callDesk.seat.query({ tenantSlug: this.#tenantSlug });
    this.occupied = seats.occupied;
    this.seat = seats.mine;
    this.#awaiting.clear();
    if (!seats.mine) return;
    for (const call of await browserApi().callDesk.mine.query({ tenantSlug: this.#tenantSlug }))
      this.#awaiting.set(call.id, call);
  }

  async take(seat: string): Promise<void> {
    await browserApi().callDesk.takeSeat.mutate({ tenantSlug: this.#tenantSlug, seat });
    await this.load();
  }

  async leave(): Promise<void> {
    await browserApi().callDesk.leaveSeat.mutate({ tenantSlug: this.#tenantSlug });
    await this.load();
  }

  /** Every change the live queue reports: a call answered at my seat joins the desk; a closed one leaves it. */
  observe(call: CallView): void {
    if (call.classification !== null) {
      this.closed(call.id);
      return;
    }
    const seat = this.seat;
    if (!seat || call.answeredBySeat !== seat.seat || call.answeredAt === null) return;
    if (Date.parse(call.answeredAt) < Date.parse(seat.since)) return;
    this.#awaiting.set(call.id, call);
  }

  pick(call: CallView): void {
    this.picked = call;
  }

  /** The panel closed `callId`: it leaves the desk without waiting for the stream to say so. */
  closed(callId: string): void {
    this.#awaiting.delete(callId);
    if (this.picked?.id === callId) this.picked = null;
  }
}

function byAnswered(a: CallView, b: CallView): number {
  return Date.parse(a.answeredAt ?? a.offeredAt) - Date.parse(b.answeredAt ?? b.offeredAt);
}
