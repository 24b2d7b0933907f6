import { createTransport, type Transporter } from "nodemailer";
import type { Executor } from "@sigap/db/client";
import { insertMail } from "@sigap/db/queries";
import type { Logger } from "../logger.ts";
import type { AppConfig } from "../trpc/init.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailDependencies {
  /** Where the record of the message goes; a transaction keeps it with the action that sent it. */
  db: Executor;
  config: Pick<AppConfig, "mail">;
  log: Logger;
}

const transports = new Map<string, Transporter>();

function smtpTransport(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // Short timeouts: the caller waits for the relay, and a hung relay must not hang the request.
    transport = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 });
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Sends one message and records it in `mail_outbox`. Without SMTP the record is the delivery (the
 * development outbox shows it). With SMTP, a failed send does not fail the caller's action: mail is
 * not essential to answering 112 calls, and the person can ask again (a new invitation or reset).
 * The failure is logged and the row stays undelivered (`delivered_at` null), so it is visible.
 */
export async function sendMail(deps: MailDependencies, message: MailMessage): Promise<{ id: string; delivered: boolean }> {
  const { smtpUrl, from } = deps.config.mail;
  if (!smtpUrl) {
    const row = await insertMail(deps.db, { ...message, transport: "outbox" });
    return { id: row.id, delivered: false };
  }
  let deliveredAt: Date | null = null;
  try {
    await smtpTransport(smtpUrl).sendMail({ from, ...message });
    deliveredAt = new Date();
  } catch (error) {
    deps.log.error({ err: error, subject: message.subject }, "mail: SMTP delivery failed; message stored undelivered");
  }
  const row = await insertMail(deps.db, { ...message, transport: "smtp", deliveredAt });
  return { id: row.id, delivered: deliveredAt !== null };
}
