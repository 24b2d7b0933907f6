import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { demoPassword } from "@sigap/db/seed";
import { sessionCookieFrom, testAddress, testClient, type TestClient } from "./client.ts";
import { recordSuccess, takeAttempt, throttleKeys } from "../src/auth/throttle.ts";
import { useTestApi } from "./harness.ts";
import { startTestApi } from "./server.ts";
import {
  createTestPerson,
  deleteTestPeople,
  testPassword,
  type SignedInTestPerson,
} from "./people.ts";

const { api, database } = useTestApi();
const people: SignedInTestPerson[] = [];

afterAll(async () => {
  await deleteTestPeople(database.owner, people);
});

async function person() {
  const created = await createTestPerson(database.owner, { signedIn: true });
  people.push(created);
  return created;
}

const signIn = (email: string, password: string, client: TestClient = testClient(api.url)) =>
  client.call("mutation", "auth.signIn", { email, password });
const me = (cookie: string) => testClient(api.url, { cookie }).call("query", "auth.me");

describe("signing in", () => {
  it("starts a session with a safe cookie, and the person can see who they are", async () => {
    const result = await signIn("operator@sigap112.test", demoPassword);
    expect(result.data).toEqual({ next: "done" });
    expect(result.setCookie).toMatch(/^sigap_session=[a-z2-7]+\.[a-z2-7]+;/);
    expect(result.setCookie).toMatch(/HttpOnly/);
    expect(result.setCookie).toMatch(/SameSite=Lax/);
    expect(result.setCookie).toMatch(/Path=\//);
    // Plain-http localhost is the one place the cookie goes without Secure.
    expect(result.setCookie).not.toMatch(/Secure/);
    const self = await me(sessionCookieFrom(result.setCookie));
    expect(self.data).toMatchObject({
      user: { email: "operator@sigap112.test" },
      secondFactor: "done",
      tenants: expect.arrayContaining([
        expect.objectContaining({ slug: "sidoarjo", role: "operator" }),
        expect.objectContaining({ slug: "denpasar", role: "operator" }),
      ]) as unknown,
    });
  });

  it("marks the cookie Secure anywhere but localhost", async () => {
    const result = await signIn(
      "operator@sigap112.test",
      demoPassword,
      testClient(api.url, { headers: { "x-forwarded-host": "sigap112.id" } }),
    );
    expect(result.setCookie).toMatch(/Secure/);
  });

  it("says the same thing for a wrong password and an unknown account", async () => {
    const wrong = await signIn("operator@sigap112.test", "not the password");
    const unknown = await signIn(`nobody-${randomUUID()}@sigap112.test`, "not the password");
    expect(wrong.code).toBe("UNAUTHORIZED");
    expect({ code: unknown.code, message: unknown.error?.message }).toEqual({
      code: wrong.code,
      message: wrong.error?.message,
    });
  });

  it("names the bad field", async () => {
    const result = await signIn("not-an-email", "");
    expect(result.code).toBe("BAD_REQUEST");
    expect(result.error?.data.issues).toMatchObject([
      {
        path: "email",
        message: "email must be an email address",
        reason: "invalid_format",
        params: { format: "email" },
      },
      {
        path: "password",
        message: "password is required",
        reason: "too_small",
        params: { minimum: 1, origin: "string" },
      },
    ]);
  });

  it("asks admins for their second factor before anything else", async () => {
    const result = await signIn("admin.sidoarjo@sigap112.test", demoPassword);
    expect(result.data).toEqual({ next: "enrol" });
    const cookie = sessionCookieFrom(result.setCookie);
    expect((await me(cookie)).data).toMatchObject({ secondFactor: "enrol" });
    const blocked = await testClient(api.url, { cookie }).call(
      "mutation",
      "auth.signOutEverywhere",
    );
    expect(blocked.code).toBe("UNAUTHORIZED");
  });

  it("records every sign-in and failed attempt in the platform audit log", async () => {
    const target = await person();
    await signIn(target.email, "wrong password here");
    await signIn(target.email, testPassword);
    const rows = await database.owner.sql<{ action: string }[]>`
      select action from platform_audit_log
       where target_id in (${target.email}, ${target.id})
       order by occurred_at`;
    expect(rows.map((row) => row.action)).toEqual(["auth.signInFailed", "auth.signIn"]);
  });
});

describe("throttling", () => {
  it("backs off after repeated failures, says when to retry, and refuses even the right password meanwhile", async () => {
    const target = await person();
    const client = testClient(api.url);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await signIn(target.email, "wrong password here", client)).code).toBe("UNAUTHORIZED");
    }
    const locked = await signIn(target.email, testPassword, client);
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
    expect(locked.error?.data.retryAfterSeconds).toBeGreaterThan(0);
    const [row] = await database.owner.sql<{ failures: number }[]>`
      select failures::int from login_throttles where key = ${`account:${target.email}`}`;
    expect(row?.failures).toBe(5);
  });

  it("counts concurrent wrong passwords before checking them: of 20 at once, only the 5 allowed are checked", async () => {
    const target = await person();
    const client = testClient(api.url);
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => signIn(target.email, "wrong password here", client)),
    );
    const codes = replies.map((reply) => reply.code);
    expect(codes.filter((code) => code === "UNAUTHORIZED")).toHaveLength(5);
    expect(codes.filter((code) => code === "TOO_MANY_REQUESTS")).toHaveLength(15);
    const checked = await database.owner.sql`
      select 1 from platform_audit_log where action = 'auth.signInFailed' and target_id = ${target.email}`;
    expect(checked).toHaveLength(5);
  });

  it("lets a call centre behind one address make many mistakes across its operators' accounts", async () => {
    const callCentre = testClient(api.url);
    for (let operator = 0; operator < 40; operator++) {
      const reply = await signIn(
        `operator-${String(operator)}-${randomUUID()}@sigap112.test`,
        "wrong password here",
        callCentre,
      );
      expect(reply.code).toBe("UNAUTHORIZED");
    }
    const target = await person();
    expect((await signIn(target.email, testPassword, callCentre)).data).toEqual({ next: "done" });
  });

  it("an address's attempts drain with time: one back every 30 s, all after 50 quiet minutes", async () => {
    const keys = throttleKeys(`nobody-${randomUUID()}@sigap112.test`, testAddress()).filter(
      (key) => key.kind === "ip",
    );
    const start = new Date();
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    for (let attempt = 0; attempt < 100; attempt++) await takeAttempt(database.app.db, keys, start);
    await expect(takeAttempt(database.app.db, keys, start)).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      cause: { seconds: 30 },
    });
    await takeAttempt(database.app.db, keys, at(30));
    await expect(takeAttempt(database.app.db, keys, at(30))).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    for (let attempt = 0; attempt < 100; attempt++)
      await takeAttempt(database.app.db, keys, at(30 + 50 * 60));
  });

  it("an account's attempts drain too, one every ten minutes, and a right password forgives them", async () => {
    const keys = throttleKeys(`nobody-${randomUUID()}@sigap112.test`, null);
    const start = new Date();
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    for (let attempt = 0; attempt < 5; attempt++) await takeAttempt(database.app.db, keys, start);
    await expect(takeAttempt(database.app.db, keys, at(9))).rejects.toMatchObject({
      cause: { seconds: 60 },
    });
    await takeAttempt(database.app.db, keys, at(10));
    await recordSuccess(database.app.db, keys);
    for (let attempt = 0; attempt < 5; attempt++) await takeAttempt(database.app.db, keys, at(10));
  });

  it("forgives an account's mistakes after a successful sign-in", async () => {
    const target = await person();
    await signIn(target.email, "wrong password here");
    expect((await signIn(target.email, testPassword)).data).toEqual({ next: "done" });
    const rows = await database.owner
      .sql`select 1 from login_throttles where key = ${`account:${target.email}`}`;
    expect(rows).toHaveLength(0);
  });
});

describe("sessions", () => {
  it("never promotes a session presented at sign-in (fixation)", async () => {
    const target = await person();
    const before = target.cookie;
    const result = await signIn(
      target.email,
      testPassword,
      testClient(api.url, { cookie: before }),
    );
    const after = sessionCookieFrom(result.setCookie);
    expect(after).not.toBe(before);
    expect((await me(before)).code).toBe("UNAUTHORIZED");
    expect((await me(after)).code).toBeUndefined();
  });

  it("ends at sign-out, for good", async () => {
    const target = await person();
    await testClient(api.url, { cookie: target.cookie }).call("mutation", "auth.signOut");
    expect((await me(target.cookie)).code).toBe("UNAUTHORIZED");
  });

  it("ends everywhere on request", async () => {
    const target = await person();
    const second = sessionCookieFrom((await signIn(target.email, testPassword)).setCookie);
    const result = await testClient(api.url, { cookie: target.cookie }).call(
      "mutation",
      "auth.signOutEverywhere",
    );
    expect(result.data).toEqual({ ended: 2 });
    expect((await me(second)).code).toBe("UNAUTHORIZED");
  });

  it("expires at its absolute end", async () => {
    const target = await person();
    await database.owner
      .sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${target.id}`;
    expect((await me(target.cookie)).code).toBe("UNAUTHORIZED");
  });

  it("expires after 12 hours idle, and slides while in use", async () => {
    const idle = await person();
    await database.owner
      .sql`update sessions set last_seen_at = now() - interval '13 hours' where user_id = ${idle.id}`;
    expect((await me(idle.cookie)).code).toBe("UNAUTHORIZED");
    expect(
      await database.owner.sql`select 1 from sessions where user_id = ${idle.id}`,
    ).toHaveLength(0);

    const active = await person();
    await database.owner
      .sql`update sessions set last_seen_at = now() - interval '11 hours' where user_id = ${active.id}`;
    expect((await me(active.cookie)).code).toBeUndefined();
    const [row] = await database.owner.sql<{ idle: boolean }[]>`
      select last_seen_at > now() - interval '1 minute' as idle from sessions where user_id = ${active.id}`;
    expect(row?.idle).toBe(true);
  });

  it("refuses a token whose secret is wrong", async () => {
    const target = await person();
    const [id] = target.cookie.replace("sigap_session=", "").split(".");
    expect((await me(`sigap_session=${id ?? ""}.${"a".repeat(32)}`)).code).toBe("UNAUTHORIZED");
  });

  it("ends when the person is deactivated", async () => {
    const target = await person();
    await database.owner.sql`update users set deactivated_at = now() where id = ${target.id}`;
    expect((await me(target.cookie)).code).toBe("UNAUTHORIZED");
  });

  it("stores only a hash of the secret", async () => {
    const target = await person();
    const secret = target.cookie.split(".")[1] ?? "";
    const rows = await database.owner
      .sql`select 1 from sessions where secret_hash = ${secret} or id = ${secret}`;
    expect(rows).toHaveLength(0);
  });
});

describe("cross-site request forgery", () => {
  const mutate = (headers: Record<string, string>, url = api.url) =>
    fetch(`${url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ email: "operator@sigap112.test", password: demoPassword }),
    });

  it("refuses a mutation a browser sent from another site", async () => {
    expect(
      (await mutate({ "sec-fetch-site": "cross-site", origin: "https://evil.example" })).status,
    ).toBe(403);
    expect((await mutate({ origin: "https://evil.example" })).status).toBe(403);
  });

  it("refuses a mutation that says nothing of its origin", async () => {
    const response = await mutate({});
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: { code: "FORBIDDEN", message: "Cross-site request refused" },
    });
  });

  it("accepts same-origin mutations, by Sec-Fetch-Site or by Origin", async () => {
    expect(
      (await mutate({ "sec-fetch-site": "same-origin", "x-forwarded-for": testAddress() })).status,
    ).toBe(200);
    expect((await mutate({ origin: api.url, "x-forwarded-for": testAddress() })).status).toBe(200);
  });

  it("compares the whole origin: the same host under another scheme is another site", async () => {
    expect((await mutate({ origin: api.url.replace("http:", "https:") })).status).toBe(403);
    const proxied = {
      "x-forwarded-host": "sigap112.id",
      "x-forwarded-proto": "https",
      "x-forwarded-for": testAddress(),
    };
    expect((await mutate({ ...proxied, origin: "https://sigap112.id" })).status).toBe(200);
    expect((await mutate({ ...proxied, origin: "http://sigap112.id" })).status).toBe(403);
    expect((await mutate({ ...proxied, origin: "https://sigap112.id:8443" })).status).toBe(403);
  });

  it("believes X-Forwarded-Host only from a trusted proxy", async () => {
    const direct = await startTestApi(database.urls.appUrl, { trustedProxies: [] });
    try {
      expect(
        (
          await mutate(
            {
              origin: "https://evil.example",
              "x-forwarded-host": "evil.example",
              "x-forwarded-proto": "https",
            },
            direct.url,
          )
        ).status,
      ).toBe(403);
      expect((await mutate({ origin: direct.url }, direct.url)).status).toBe(200);
    } finally {
      await direct.close();
    }
  });
});

describe("the client's address", () => {
  async function sessionAddress(
    url: string,
    forwardedFor: string,
  ): Promise<string | null | undefined> {
    const target = await person();
    const client = testClient(url, { address: forwardedFor });
    expect((await signIn(target.email, testPassword, client)).data).toEqual({ next: "done" });
    const sessionId = client.cookie?.replace("sigap_session=", "").split(".")[0] ?? "";
    const [row] = await database.owner.sql<
      { ip: string | null }[]
    >`select ip from sessions where id = ${sessionId}`;
    return row?.ip;
  }

  it("is read from X-Forwarded-For from the right, past every trusted proxy", async () => {
    expect(await sessionAddress(api.url, "10.1.2.3")).toBe("10.1.2.3");
    // The client wrote the left entry itself; our proxy appended the address it really saw.
    expect(await sessionAddress(api.url, "203.0.113.7, 10.1.2.3")).toBe("10.1.2.3");
    // A second proxy on loopback (trusted) in front of the API: the hop before it is the client.
    expect(await sessionAddress(api.url, "10.1.2.4, 127.0.0.1")).toBe("10.1.2.4");
  });

  it("ignores X-Forwarded-For from a caller that is not a trusted proxy", async () => {
    const direct = await startTestApi(database.urls.appUrl, { trustedProxies: ["192.0.2.0/24"] });
    try {
      expect(await sessionAddress(direct.url, "10.1.2.3")).toBe("127.0.0.1");
    } finally {
      await direct.close();
    }
  });
});
