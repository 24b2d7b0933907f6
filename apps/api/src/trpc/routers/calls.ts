import { tracked, TRPCError } from "@trpc/server";
import { z } from "zod";
import type { CallFeedMessage } from "../../calls/call-feed.ts";
import { createRouter, tenantStreamProcedure } from "../init.ts";

const resumeInput = z.object({
  /** Sent back by the browser's EventSource on reconnecting (tRPC passes it as input). */
  lastEventId: z
    .string()
    .regex(/^\d{1,15}$/, { error: "lastEventId must be a feed number the stream sent" })
    .nullish(),
});

export const callsRouter = createRouter({
  /**
   * The tenant's live call queue over server-sent events: first every call in the queue, then each
   * change of a call as it commits. Each message's id is its place in the tenant's feed; a client
   * reconnecting with it gets what it missed, no gap and no repeat. The stream ends (UNAUTHORIZED)
   * when the session ends or no longer admits its holder to the tenant's calls.
   */
  live: tenantStreamProcedure("calls.view")
    .input(resumeInput)
    .subscription(async function* ({ ctx, input, signal }) {
      const stop = new AbortController();
      const readmit = setInterval(() => {
        ctx.stillAdmitted().then(
          (admitted) => {
            if (!admitted) stop.abort();
          },
          (error: unknown) => {
            ctx.log.error({ err: error }, "calls.live: checking the session again failed");
          },
        );
      }, ctx.config.liveStreamReadmitMs);
      const ended = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
      const resumeAfter = input.lastEventId ? Number(input.lastEventId) : null;
      try {
        for await (const message of ctx.callFeed.follow(ctx.tenant.id, resumeAfter, ended)) {
          yield tracked(String(message.seq), message satisfies CallFeedMessage);
        }
      } finally {
        clearInterval(readmit);
      }
      if (stop.signal.aborted) throw new TRPCError({ code: "UNAUTHORIZED", message: "The session no longer admits you to this region's calls" });
    }),
});
