import type { createDatabase } from "@sigap/db/client";

type Pool = ReturnType<typeof createDatabase>;

/**
 * Signs in over HTTP like the portal does and returns the `Cookie` header to send back. The
 * session is then marked as having passed the second factor (with the owner pool), so tests of
 * roles that require 2FA need no authenticator.
 */
export async function signInAs(api: { url: string }, owner: Pool, credentials: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${api.url}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: api.url },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${credentials.email} failed: ${String(response.status)} ${await response.text()}`);
  const token = /sigap_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  const sessionId = token?.split(".")[0];
  if (!token || !sessionId) throw new Error("sign-in set no session cookie");
  await owner.sql`update sessions set two_factor_verified_at = now() where id = ${sessionId}`;
  return `sigap_session=${token}`;
}
