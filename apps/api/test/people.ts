import { randomUUID } from "node:crypto";
import type { createDatabase } from "@sigap/db/client";
import { markSessionTwoFactorVerified } from "@sigap/db/queries";
import type { MembershipRole, PlatformRole } from "@sigap/tenancy";
import { hashPassword } from "../src/auth/passwords.ts";
import { createSession } from "../src/auth/sessions.ts";
import { openMailBody } from "../src/mail/send.ts";
import { createSecretBox } from "../src/security/secret-box.ts";
import { testClient, type TestClient } from "./client.ts";
import { testConfig } from "./server.ts";

type Pool = ReturnType<typeof createDatabase>;

/** Strong enough for the API's password judge, so it also serves where a new password is set. */
export const testPassword = "Gunung-Bromo sunrise 4 ojek";
const testPasswordHash = hashPassword(testPassword);

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@sigap112.test`;
}

export interface TestPerson {
  id: string;
  email: string;
  displayName: string;
  password: string;
}

export interface SignedInTestPerson extends TestPerson {
  /** A ready `Cookie` header for a session that has passed any second factor. */
  cookie: string;
}

interface PersonOptions {
  email?: string;
  displayName?: string;
  password?: string;
  platformRole?: PlatformRole;
  memberships?: { tenantId: string; role: MembershipRole }[];
}

/**
 * A person with the given platform role and memberships, arranged directly in the database; with
 * `signedIn`, also a session that has passed its second factor (what sign-in would have produced).
 */
export function createTestPerson(
  owner: Pool,
  options: PersonOptions & { signedIn: true },
): Promise<SignedInTestPerson>;
export function createTestPerson(owner: Pool, options?: PersonOptions): Promise<TestPerson>;
export async function createTestPerson(
  owner: Pool,
  options: PersonOptions & { signedIn?: boolean } = {},
): Promise<TestPerson | SignedInTestPerson> {
  const email = options.email ?? uniqueEmail("person");
  const displayName = options.displayName ?? `Test ${email}`;
  const password = options.password ?? testPassword;
  const passwordHash = await (options.password === undefined
    ? testPasswordHash
    : hashPassword(options.password));
  const [user] = await owner.sql<{ id: string }[]>`
    insert into users (email, display_name, password_hash, platform_role)
    values (${email}, ${displayName}, ${passwordHash}, ${options.platformRole ?? null})
    returning id`;
  if (!user) throw new Error("could not create a test person");
  for (const membership of options.memberships ?? []) {
    // A responder works for an agency of that same tenant (a tenant-scoped key): one is made for them.
    const agencyId =
      membership.role === "agency_responder"
        ? await createTestAgency(owner, membership.tenantId)
        : null;
    await owner.sql`
      insert into memberships (tenant_id, user_id, role, agency_id)
      values (${membership.tenantId}, ${user.id}, ${membership.role}, ${agencyId})`;
  }
  const person: TestPerson = { id: user.id, email, displayName, password };
  if (!options.signedIn) return person;
  return { ...person, cookie: await newSessionCookie(owner, person) };
}

/** A `Cookie` header for a new session of `person` that has passed any second factor. */
export async function newSessionCookie(owner: Pool, person: { id: string }): Promise<string> {
  const { token, session } = await createSession(owner.db, person.id, {
    ip: null,
    userAgent: "vitest",
  });
  await markSessionTwoFactorVerified(owner.db, session.id, new Date());
  return `sigap_session=${token}`;
}

/** An agency of `tenantId`, for responders and invitations that need one. */
export async function createTestAgency(owner: Pool, tenantId: string): Promise<string> {
  const [agency] = await owner.sql<{ id: string }[]>`
    insert into agencies (tenant_id, agency_type, name) values (${tenantId}, 'damkar', ${`Damkar ${randomUUID().slice(0, 8)}`})
    returning id`;
  if (!agency) throw new Error("could not create a test agency");
  return agency.id;
}

export async function deleteTestPeople(owner: Pool, people: { id: string }[]): Promise<void> {
  const ids = people.map((person) => person.id);
  if (ids.length > 0) await owner.sql`delete from users where id = any(${ids})`;
}

/**
 * Signs in over HTTP like the portal does, from a browser of its own, and throws unless that
 * worked. The session is then marked as having passed the second factor (with the owner pool), so
 * tests of roles that require 2FA need no authenticator.
 */
export async function signInAs(
  api: { url: string },
  owner: Pool,
  credentials: { email: string; password: string },
): Promise<TestClient> {
  const client = testClient(api.url);
  const reply = await client.call("mutation", "auth.signIn", {
    email: credentials.email,
    password: credentials.password,
  });
  if (reply.status !== 200)
    throw new Error(
      `sign-in as ${credentials.email} failed: ${String(reply.status)} ${String(reply.message)}`,
    );
  const sessionId = client.cookie?.replace("sigap_session=", "").split(".")[0];
  if (!sessionId) throw new Error("sign-in set no session cookie");
  await owner.sql`update sessions set two_factor_verified_at = now() where id = ${sessionId}`;
  return client;
}

/**
 * The newest stored mail to `to`, bodies opened with the test API's keys (as the outbox opens them),
 * and the token of the link in it that starts with `linkPrefix`.
 */
export async function latestMail(owner: Pool, to: string, linkPrefix: string) {
  const [stored] = await owner.sql<
    { id: string; subject: string; text: string; html: string; transport: string }[]
  >`
    select id, subject, text, html, transport from mail_outbox where "to" = ${to} order by created_at desc limit 1`;
  if (!stored) throw new Error(`no mail to ${to}`);
  const box = createSecretBox(testConfig.secretKeys);
  const mail = {
    ...stored,
    text: openMailBody(box, stored.id, "text", stored.text) ?? "",
    html: openMailBody(box, stored.id, "html", stored.html) ?? "",
  };
  const escaped = linkPrefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const token = new RegExp(`${escaped}([a-z0-9]+)`).exec(mail.text)?.[1];
  if (!token) throw new Error(`no ${linkPrefix} link in the mail to ${to}`);
  return { ...mail, token };
}

/** The audit rows of one action on one target, oldest first (callers read the newest with `.at(-1)`). */
export async function auditRows(
  owner: Pool,
  table: "audit_log" | "platform_audit_log",
  action: string,
  targetId: string,
) {
  return owner.sql<
    { actor_user_id: string | null; actor_role: string; diff: unknown; tenant_id?: string }[]
  >`
    select * from ${owner.sql(table)} where action = ${action} and target_id = ${targetId} order by occurred_at, id`;
}
