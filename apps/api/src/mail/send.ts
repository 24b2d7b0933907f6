import { randomUUID } from "node:crypto";
import { createTransport, type Transporter } from "nodemailer";
import type { Executor } from "@sigap/db/client";
import { insertMail } from "@sigap/db/queries";
import type { AppConfig } from "../config.ts";
import type { Logger } from "../logger.ts";
import { createSecretBox, SecretBoxError, type SecretBox } from "../security/secret-box.ts";

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: readonly MailAttachment[];
}

export interface MailDependencies {
  /** Where the record of the message goes; a transaction keeps it with the action that sent it. */
  db: Executor;
  config: Pick<AppConfig, "mail" | "secretKeys">;
  log: Logger;
}

type BodyPart = "text" | "html";

/** Bound into each sealed body, so a body copied onto another row (or part) fails to open there. */
const bodyContext = (mailId: string, part: BodyPart) => `mail_outbox:${mailId}:${part}`;

/**
 * A stored body sealed with SIGAP_SECRET_KEYS. Bodies carry live invitation and password-reset
 * links, and the runtime role (anything that can run SQL as the API) reads mail_outbox; a sealed
 * body is of no use to it without the keys, which only the API process holds.
 */
function sealBody(box: SecretBox, mailId: string, part: BodyPart, body: string): string {
  return box.encrypt(new TextEncoder().encode(body), bodyContext(mailId, part));
}

/** A stored body in clear, or null where it cannot be opened (stored before bodies were sealed). */
export function openMailBody(
  box: SecretBox,
  mailId: string,
  part: BodyPart,
  sealed: string,
): string | null {
  try {
    return new TextDecoder().decode(box.decrypt(sealed, bodyContext(mailId, part)));
  } catch (error) {
    if (error instanceof SecretBoxError) return null;
    throw error;
  }
}

/**
 * A subject is one header line: a CR or LF (say, from a tenant name) would start another header,
 * so every control character becomes a space, whatever the caller checked before.
 */
export function headerSafe(value: string): string {
  return value.replace(/\p{Cc}+/gu, " ").trim();
}

const transports = new Map<string, Transporter>();

function smtpTransport(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // Short timeouts: the caller waits for the relay, and a hung relay must not hang the request.
    transport = createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 15_000,
    });
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
export async function sendMail(
  deps: MailDependencies,
  message: MailMessage,
): Promise<{ id: string; delivered: boolean }> {
  const { smtpUrl, from } = deps.config.mail;
  const box = createSecretBox(deps.config.secretKeys);
  const id = randomUUID();
  const subject = headerSafe(message.subject);
  const attachments = message.attachments ?? [];
  const stored = {
    id,
    to: message.to,
    subject,
    text: sealBody(box, id, "text", message.text),
    html: sealBody(box, id, "html", message.html),
    attachmentNames: attachments.map((attachment) => attachment.filename),
  };
  if (!smtpUrl) {
    const row = await insertMail(deps.db, { ...stored, transport: "outbox" });
    return { id: row.id, delivered: false };
  }
  let deliveredAt: Date | null = null;
  try {
    await smtpTransport(smtpUrl).sendMail({
      from,
      to: message.to,
      subject,
      text: message.text,
      html: message.html,
      attachments: attachments.map(({ filename, contentType, content }) => ({
        filename,
        contentType,
        content: Buffer.from(content),
      })),
    });
    deliveredAt = new Date();
  } catch (error) {
    deps.log.error(
      { err: error, subject: message.subject },
      "mail: SMTP delivery failed; message stored undelivered",
    );
  }
  const row = await insertMail(deps.db, { ...stored, transport: "smtp", deliveredAt });
  return { id: row.id, delivered: deliveredAt !== null };
}
