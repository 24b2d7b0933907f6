import { randomUUID } from "node:crypto";
import type { createDatabase } from "@sigap/db/client";
import type { MembershipRole, PlatformRole } from "@sigap/tenancy";
import { hashPassword } from "../../src/auth/passwords.ts";
import { createSession } from "../../src/auth/sessions.ts";

type Pool = ReturnType<typeof createDatabase>;

export const password = "kopi tubruk di pos 112 jam tiga pagi";
const passwordHash = hashPassword(password);

export interface Caller {
  /** Sends like the portal's proxy would: same-origin, from `ip`, with `cookie` if any. */
  call: (type: "query" | "mutation", path: string, input?: unknown) => Promise<TrpcAnswer>;
  cookie: string | undefined;
}

export interface TrpcAnswer {
  status: number;
  data: unknown;
  error: { message: string; data: { code: string; retryAfterSeconds?: number } } | undefined;
  setCookie: string | null;
}

/** A browser of one person: keeps the session cookie the API sets, from its own IP address. */
export function browser(apiUrl: string, ip = `10.${String(rand())}.${String(rand())}.${String(rand())}`, cookie?: string): Caller {
  const caller: Caller = {
    cookie,
    async call(type, path, input) {
      const headers: Record<string, string> = { "x-forwarded-for": ip, ...(caller.cookie ? { cookie: caller.cookie } : {}) };
      const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const response =
        type === "query"
          ? await fetch(`${apiUrl}/trpc/${path}${query}`, { headers })
          : await fetch(`${apiUrl}/trpc/${path}`, {
              method: "POST",
              headers: { ...headers, "content-type": "application/json", "sec-fetch-site": "same-origin" },
              body: JSON.stringify(input ?? null),
            });
      const body = (await response.json()) as { result?: { data: unknown }; error?: TrpcAnswer["error"] };
      const setCookie = response.headers.get("set-cookie");
      const token = /sigap_session=([^;]*)/.exec(setCookie ?? "")?.[1];
      if (token !== undefined) caller.cookie = token ? `sigap_session=${token}` : undefined;
      return { status: response.status, data: body.result?.data, error: body.error, setCookie };
    },
  };
  return caller;
}

function rand(): number {
  return Math.floor(Math.random() * 250) + 1;
}

export interface Person {
  id: string;
  email: string;
}

/** A person with a password, a platform role and memberships, arranged directly in the database. */
export async function createPerson(
  owner: Pool,
  options: { platformRole?: PlatformRole; memberships?: { tenantId: string; role: MembershipRole }[] } = {},
): Promise<Person> {
  const email = `tf-${randomUUID().slice(0, 8)}@sigap112.test`;
  const [user] = await owner.sql<{ id: string }[]>`
    insert into users (email, display_name, password_hash, platform_role)
    values (${email}, ${`Uji ${email}`}, ${await passwordHash}, ${options.platformRole ?? null})
    returning id`;
  if (!user) throw new Error("could not create a person");
  for (const membership of options.memberships ?? []) {
    await owner.sql`insert into memberships (tenant_id, user_id, role) values (${membership.tenantId}, ${user.id}, ${membership.role})`;
  }
  return { id: user.id, email };
}

/** A session that has passed any second factor, as sign-in plus verification would leave it. */
export async function verifiedSessionCookie(owner: Pool, person: Person): Promise<string> {
  const { token } = await createSession(owner.db, person.id, { ip: null, userAgent: "vitest", twoFactorVerified: true });
  return `sigap_session=${token}`;
}

export async function deletePeople(owner: Pool, people: Person[]): Promise<void> {
  const ids = people.map((person) => person.id);
  if (ids.length > 0) await owner.sql`delete from users where id = any(${ids})`;
}
