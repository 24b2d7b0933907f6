import { desc } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { mailOutbox } from "../schema/mail.ts";

export type MailRow = typeof mailOutbox.$inferSelect;

export async function insertMail(
  db: Executor,
  mail: typeof mailOutbox.$inferInsert,
): Promise<MailRow> {
  const [row] = await db.insert(mailOutbox).values(mail).returning();
  if (!row) throw new Error("mail insert returned nothing");
  return row;
}

/** The newest stored messages, for the development outbox page. */
export function listRecentMail(db: Executor, limit: number) {
  return db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      html: mailOutbox.html,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}
