import { LiveStream } from "#lib/api/live-stream.svelte.ts";
import { browserApi } from "#lib/api/browser-api.ts";

/**
 * Which of the region's incidents change, as the live stream tells it. The stream carries ids
 * only: each page reads again what it shows. The first message of every (re)connection carries
 * none and is passed on too, because changes made while the stream was down are not replayed.
 */
export class IncidentChanges extends LiveStream {
  start(tenantSlug: string, onchange: (incidentIds: string[]) => void): void {
    this.follow((handlers) =>
      browserApi().incidents.live.subscribe(
        { tenantSlug },
        {
          ...handlers,
          onData: (envelope) => {
            onchange(envelope.data.incidentIds);
          },
        },
      ),
    );
  }
}

/**
 * When the responder's agency's assignments may have changed, as the responders' stream tells it
 * (no ids: it says nothing of the region's other incidents). The first message of every
 * (re)connection is passed on too, for what changed while the stream was down.
 */
export class MyAssignmentChanges extends LiveStream {
  start(tenantSlug: string, onchange: () => void): void {
    this.follow((handlers) =>
      browserApi().incidents.mineLive.subscribe(
        { tenantSlug },
        {
          ...handlers,
          onData: () => {
            onchange();
          },
        },
      ),
    );
  }
}
