import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { id } from "./columns.ts";

/**
 * Every email the platform sends. With SMTP configured a row records the delivery; without it the
 * row is the delivery: the development outbox page shows it, so `npm start` needs no mail server.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id().primaryKey(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    transport: text({ enum: ["smtp", "outbox"] }).notNull(),
    /** The names of the files it carried (an invoice's PDF); the files themselves are not kept. */
    attachmentNames: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.to, t.createdAt.desc())],
);
