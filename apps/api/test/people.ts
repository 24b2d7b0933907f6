import { randomUUID } from "node:crypto";
import type { createDatabase } from "@sigap/db/client";
import type { MembershipRole, PlatformRole } from "@sigap/tenancy";
import { hashPassword } from "../src/auth/passwords.ts";
import { createSession } from "../src/auth/sessions.ts";

type Pool = ReturnType<typeof createDatabase>;

export const testPassword = "correct horse battery staple 112";
const sharedHash = hashPassword(testPassword);

export interface TestPerson {
  id: string;
  email: string;
  /** A ready `Cookie` header for a session that has passed any second factor. */
  cookie: string;
}

/**
 * A person with the given platform role and memberships, and a signed-in session that has passed
 * its second factor, arranged directly in the database (what sign-in would have produced).
 */
export async function createTestPerson(
  owner: Pool,
  options: { platformRole?: PlatformRole; memberships?: { tenantId: string; role: MembershipRole }[] } = {},
): Promise<TestPerson> {
  const email = `person-${randomUUID().slice(0, 8)}@sigap112.test`;
  const [user] = await owner.sql<{ id: string }[]>`
    insert into users (email, display_name, password_hash, platform_role)
    values (${email}, ${`Test ${email}`}, ${await sharedHash}, ${options.platformRole ?? null})
    returning id`;
  if (!user) throw new Error("could not create a test person");
  for (const membership of options.memberships ?? []) {
    await owner.sql`
      insert into memberships (tenant_id, user_id, role, agency_id)
      values (${membership.tenantId}, ${user.id}, ${membership.role},
              ${membership.role === "agency_responder" ? randomUUID() : null})`;
  }
  const { token } = await createSession(owner.db, user.id, { ip: null, userAgent: "vitest", twoFactorVerified: true });
  return { id: user.id, email, cookie: `sigap_session=${token}` };
}

export async function deleteTestPeople(owner: Pool, people: TestPerson[]): Promise<void> {
  const ids = people.map((person) => person.id);
  if (ids.length > 0) await owner.sql`delete from users where id = any(${ids})`;
}
