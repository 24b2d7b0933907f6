import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, BrowserContextOptions } from "playwright-core";
import type { connectTestDatabase } from "@sigap/tenancy/testing";
// The API's own hashing, so the arranged password is checked exactly as a real one would be.
import { hashPassword } from "../../api/src/auth/passwords.ts";
import { createSession } from "../../api/src/auth/sessions.ts";

type Pool = ReturnType<typeof connectTestDatabase>["owner"];

export const knownPassword = "Gunung-Bromo sunrise 4 ojek";

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@sigap112.test`;
}

/** A person with `knownPassword` and one membership, arranged directly in the database; an agency responder works for `agencyId`. */
export async function createMember(
  owner: Pool,
  tenantId: string,
  role: "tenant_admin" | "supervisor" | "operator" | "agency_responder",
  displayName: string,
  agencyId: string | null = null,
) {
  const email = uniqueEmail(role.replace("_", "-"));
  const [user] = await owner.sql<{ id: string }[]>`
    insert into users (email, display_name, password_hash)
    values (${email}, ${displayName}, ${await hashPassword(knownPassword)})
    returning id`;
  if (!user) throw new Error("could not create a user");
  await owner.sql`insert into memberships (tenant_id, user_id, role, agency_id) values (${tenantId}, ${user.id}, ${role}, ${agencyId})`;
  return { id: user.id, email, displayName, password: knownPassword };
}

/** A person holding a platform role and no password, arranged directly in the database. */
export async function createPlatformPerson(
  owner: Pool,
  platformRole: "platform_admin" | "ministry_viewer",
) {
  const email = uniqueEmail(platformRole.replace("_", "-"));
  const [user] = await owner.sql<{ id: string }[]>`
    insert into users (email, display_name, password_hash, platform_role)
    values (${email}, ${`Uji ${platformRole}`}, 'not-used', ${platformRole}) returning id`;
  if (!user) throw new Error("could not create a person");
  return { id: user.id, email };
}

export async function deleteUsers(owner: Pool, emails: string[]): Promise<void> {
  if (emails.length > 0) await owner.sql`delete from users where email = any(${emails})`;
}

/** A session cookie for `userId` with the second factor already passed, as if they had signed in. */
export async function signedInCookie(owner: Pool, userId: string): Promise<string> {
  const { token, session } = await createSession(owner.db, userId, { ip: null, userAgent: "e2e" });
  await owner.sql`update sessions set two_factor_verified_at = now() where id = ${session.id}`;
  return `sigap_session=${token}`;
}

/** A browser context on `portalUrl` carrying a signed-in session of `userId`; `device` sets the screen (a phone's, say). */
export async function signedInContext(
  browser: Browser,
  portalUrl: string,
  owner: Pool,
  userId: string,
  device: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...device, baseURL: portalUrl });
  const [name = "", value = ""] = (await signedInCookie(owner, userId)).split("=");
  await context.addCookies([{ name, value, url: portalUrl }]);
  return context;
}
