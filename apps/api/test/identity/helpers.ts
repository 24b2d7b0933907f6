import { randomUUID } from "node:crypto";
import type { createDatabase } from "@sigap/db/client";
import { hashPassword } from "../../src/auth/passwords.ts";

type Pool = ReturnType<typeof createDatabase>;

export interface Reply {
  status: number;
  /** Our error code (`data.code`), when the call failed. */
  code: string | undefined;
  message: string | undefined;
  issues: { path: string; message: string }[] | undefined;
  data: unknown;
  setCookie: string | null;
}

/** One tRPC call over HTTP, as the portal's browser would make it (same origin). */
export async function call(
  api: { url: string },
  type: "query" | "mutation",
  path: string,
  input?: unknown,
  cookie?: string,
): Promise<Reply> {
  const query = type === "query" && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : "";
  const response = await fetch(`${api.url}/trpc/${path}${query}`, {
    method: type === "query" ? "GET" : "POST",
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(type === "mutation" ? { "content-type": "application/json", origin: api.url } : {}),
    },
    ...(type === "mutation" ? { body: JSON.stringify(input ?? null) } : {}),
  });
  const body = (await response.json()) as {
    result?: { data: unknown };
    error?: { message: string; data: { code: string; issues?: { path: string; message: string }[] } };
  };
  return {
    status: response.status,
    code: body.error?.data.code,
    message: body.error?.message,
    issues: body.error?.data.issues,
    data: body.result?.data,
    setCookie: response.headers.get("set-cookie"),
  };
}

export function cookieFrom(reply: Reply): string {
  const token = /sigap_session=([^;]+)/.exec(reply.setCookie ?? "")?.[1];
  if (!token) throw new Error("no session cookie was set");
  return `sigap_session=${token}`;
}

export const strongPassword = "Gunung-Bromo sunrise 4 ojek";
const strongHash = hashPassword(strongPassword);

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@sigap112.test`;
}

/** A person created directly in the database, with `strongPassword` unless told otherwise. */
export async function createUser(owner: Pool, options: { email?: string; displayName?: string } = {}) {
  const email = options.email ?? uniqueEmail("person");
  const [row] = await owner.sql<{ id: string }[]>`
    insert into users (email, display_name, password_hash)
    values (${email}, ${options.displayName ?? `Test ${email}`}, ${await strongHash})
    returning id`;
  if (!row) throw new Error("could not create a user");
  return { id: row.id, email, password: strongPassword };
}

export async function addMembership(
  owner: Pool,
  tenantId: string,
  userId: string,
  role: "tenant_admin" | "supervisor" | "operator" | "agency_responder",
): Promise<void> {
  await owner.sql`
    insert into memberships (tenant_id, user_id, role, agency_id)
    values (${tenantId}, ${userId}, ${role}, ${role === "agency_responder" ? randomUUID() : null})`;
}

/** The newest stored mail to `to`, and the token of the link in it that starts with `linkPrefix`. */
export async function latestMail(owner: Pool, to: string, linkPrefix: string) {
  const [mail] = await owner.sql<{ subject: string; text: string; html: string; transport: string }[]>`
    select subject, text, html, transport from mail_outbox where "to" = ${to} order by created_at desc limit 1`;
  if (!mail) throw new Error(`no mail to ${to}`);
  const escaped = linkPrefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const token = new RegExp(`${escaped}([a-z0-9]+)`).exec(mail.text)?.[1];
  if (!token) throw new Error(`no ${linkPrefix} link in the mail to ${to}`);
  return { ...mail, token };
}

export async function auditRows(owner: Pool, table: "audit_log" | "platform_audit_log", action: string, targetId: string) {
  return owner.sql<{ actor_user_id: string | null; actor_role: string; diff: unknown; tenant_id?: string }[]>`
    select * from ${owner.sql(table)} where action = ${action} and target_id = ${targetId}`;
}
