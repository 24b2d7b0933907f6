import { tracked, TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  appendCallFeed,
  blockNumber,
  listBlockedNumbers,
  openCallIdsFrom,
  unblockNumber,
  type BlockedNumber,
} from "@sigap/db/queries";
import type { TenantTx } from "@sigap/db/client";
import type { CallFeedMessage } from "../../calls/call-feed.ts";
import { indonesianPhone } from "../../validation/phone.ts";
import { singleLine } from "../../validation/text.ts";
import { createRouter, tenantProcedure, tenantStreamProcedure } from "../init.ts";
import { watchAdmission } from "../stream-admission.ts";

/** How long a block lasts unless the blocker says otherwise, and at most. */
const defaultBlockHours = 24;
const maxBlockHours = 30 * 24;
const blocklistTarget = "call_blocklist";

function blockedView(entry: BlockedNumber) {
  return {
    number: entry.number,
    reason: entry.reason,
    expiresAt: entry.expiresAt.toISOString(),
    blockedAt: entry.updatedAt.toISOString(),
  };
}

/**
 * Tells the live queues again about the number's calls still on the line, now marked (or no
 * longer marked) blocked: a ringing prankster's call moves to the supervisors' queue at once.
 * Last in the transaction, as every feed append.
 */
async function refreshCallsFrom(tx: TenantTx, tenantId: string, number: string): Promise<void> {
  await appendCallFeed(tx, tenantId, await openCallIdsFrom(tx, number));
}

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
      const admission = watchAdmission(ctx, signal, "calls.live");
      const resumeAfter = input.lastEventId ? Number(input.lastEventId) : null;
      try {
        for await (const message of ctx.callFeed.follow(
          ctx.tenant.id,
          resumeAfter,
          admission.ended,
        )) {
          yield tracked(String(message.seq), message satisfies CallFeedMessage);
        }
      } finally {
        admission.stop();
      }
      if (admission.refused())
        throw new TRPCError({
          code: "UNAUTHORIZED",
          message: "The session no longer admits you to this region's calls",
        });
    }),

  /** Numbers blocked now, soonest to expire first. */
  blocklist: tenantProcedure("calls.view").query(async ({ ctx }) =>
    (await listBlockedNumbers(ctx.tx, new Date())).map(blockedView),
  ),

  /**
   * Blocks a number for `hours` (24 by default, at most 30 days); blocking it again replaces the
   * reason and the expiry. A blocked number's calls still ring, marked: a prankster can still
   * have a real emergency.
   */
  block: tenantProcedure("calls.block")
    .input(
      z.object({
        number: indonesianPhone("number"),
        reason: z
          .string({ error: "reason must be text" })
          .trim()
          .min(1, { error: "reason is required: say why the number is blocked" })
          .max(200, { error: "reason must have at most 200 characters" })
          .refine(...singleLine("reason")),
        hours: z
          .number({ error: "hours must be a number" })
          .int({ error: "hours must be a whole number" })
          .min(1, { error: "hours must be at least 1" })
          .max(maxBlockHours, { error: `hours must be at most ${String(maxBlockHours)} (30 days)` })
          .default(defaultBlockHours),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const expiresAt = new Date(Date.now() + input.hours * 60 * 60 * 1000);
      const entry = {
        number: input.number,
        reason: input.reason,
        expiresAt,
        blockedBy: ctx.auth.user.id,
      };
      const before = await blockNumber(ctx.tx, ctx.tenant.id, entry);
      await ctx.audit({
        action: "calls.block",
        targetType: blocklistTarget,
        targetId: input.number,
        before: before ? blockedView(before) : undefined,
        after: { reason: input.reason, expiresAt: expiresAt.toISOString() },
      });
      await refreshCallsFrom(ctx.tx, ctx.tenant.id, input.number);
      return { number: input.number, expiresAt: expiresAt.toISOString() };
    }),

  /** Takes a number off the blocklist. */
  unblock: tenantProcedure("calls.block")
    .input(z.object({ number: indonesianPhone("number") }))
    .mutation(async ({ ctx, input }) => {
      const removed = await unblockNumber(ctx.tx, input.number);
      if (!removed)
        throw new TRPCError({ code: "NOT_FOUND", message: "This number is not blocked" });
      await ctx.audit({
        action: "calls.unblock",
        targetType: blocklistTarget,
        targetId: input.number,
        before: blockedView(removed),
      });
      await refreshCallsFrom(ctx.tx, ctx.tenant.id, input.number);
      return { number: input.number };
    }),
});
