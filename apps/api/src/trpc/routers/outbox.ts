import { TRPCError } from "@trpc/server";
import { listRecentMail } from "@sigap/db/queries";
import { openMailBody } from "../../mail/send.ts";
import { createSecretBox } from "../../security/secret-box.ts";
import { platformProcedure, createRouter } from "../init.ts";

export const outboxRouter = createRouter({
  /**
   * The newest stored messages, bodies opened, for the development outbox page. It exists only where
   * SIGAP_DEV_OUTBOX is on (npm start, tests) and is NOT_FOUND everywhere else. Even there it is for
   * a signed-in platform admin only: the bodies hold live invitation and password-reset links, so
   * anyone who could open the page could take over any invited or resetting account.
   */
  list: platformProcedure("mail.viewOutbox").query(async ({ ctx }) => {
    if (!ctx.config.mail.devOutbox)
      throw new TRPCError({ code: "NOT_FOUND", message: "No outbox here" });
    const box = createSecretBox(ctx.config.secretKeys);
    const rows = await listRecentMail(ctx.db, 50);
    return rows.map((row) => ({
      ...row,
      text: openMailBody(box, row.id, "text", row.text),
      html: openMailBody(box, row.id, "html", row.html),
    }));
  }),
});
