import { TRPCError } from "@trpc/server";
import { listRecentMail } from "@sigap/db/queries";
import { createRouter, publicProcedure } from "../init.ts";

export const outboxRouter = createRouter({
  /**
   * The newest stored messages, for the development outbox page. Public because the people who need
   * it (an invitee, someone resetting a password) are not signed in; it exists only where
   * SIGAP_DEV_OUTBOX is on (npm start, tests) and is NOT_FOUND everywhere else.
   */
  list: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.config.mail.devOutbox) throw new TRPCError({ code: "NOT_FOUND", message: "No outbox here" });
    return listRecentMail(ctx.db, 50);
  }),
});
