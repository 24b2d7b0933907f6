import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP, generateTOTP } from "@oslojs/otp";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { sessionCookieFrom, testClient, type TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import {
  createTestPerson,
  deleteTestPeople,
  latestMail,
  testPassword,
  type TestPerson,
} from "../people.ts";

const { api, database } = useTestApi();
let tenant: TestTenant;
const people: TestPerson[] = [];

beforeAll(async () => {
  tenant = await createTestTenant(database.owner);
});
afterAll(async () => {
  await deleteTestPeople(database.owner, people);
  await deleteTestTenants(database.owner, [tenant]);
});

async function person(role: "tenant_admin" | "operator"): Promise<TestPerson> {
  const created = await createTestPerson(database.owner, {
    memberships: [{ tenantId: tenant.id, role }],
  });
  people.push(created);
  return created;
}

async function signIn(who: TestPerson): Promise<{ client: TestClient; next: unknown }> {
  const client = testClient(api.url);
  const answer = await client.call("mutation", "auth.signIn", {
    email: who.email,
    password: who.password,
  });
  expect(answer.status).toBe(200);
  return { client, next: (answer.data as { next: unknown }).next };
}

const step = () => Math.floor(Date.now() / 30_000);
const codeAt = (key: Uint8Array, at: number) => generateHOTP(key, BigInt(at), 6);

/** Six digits that match none of the steps a server would accept right now. */
function wrongCode(key: Uint8Array): string {
  const valid = new Set([-1, 0, 1].map((offset) => codeAt(key, step() + offset)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}

/** Enrols through the API; returns the key the authenticator app would hold and the recovery codes. */
async function enrol(client: TestClient) {
  const begun = await client.call("mutation", "twoFactor.beginEnrolment");
  const { otpauthUri } = begun.data as { otpauthUri: string };
  const key = decodeBase32IgnorePadding(new URL(otpauthUri).searchParams.get("secret") ?? "");
  const confirmedAtStep = step();
  const confirmed = await client.call("mutation", "twoFactor.confirmEnrolment", {
    code: codeAt(key, confirmedAtStep),
  });
  expect(confirmed.status).toBe(200);
  return {
    key,
    recoveryCodes: (confirmed.data as { recoveryCodes: string[] }).recoveryCodes,
    confirmedAtStep,
  };
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await database.owner.sql<{ action: string }[]>`
    select action from platform_audit_log where target_id = ${userId} or actor_user_id = ${userId} order by occurred_at, action`;
  return rows.map((row) => row.action);
}

describe("TOTP enrolment", () => {
  it("a tenant admin must enrol; until then signed-in procedures refuse; the QR key then works", async () => {
    const admin = await person("tenant_admin");
    const { client, next } = await signIn(admin);
    expect(next).toBe("enrol");

    const owed = await client.call("mutation", "twoFactor.regenerateRecoveryCodes", {
      code: "123456",
    });
    expect(owed).toMatchObject({
      status: 401,
      error: { message: "Second factor required", data: { code: "UNAUTHORIZED" } },
    });

    const begun = await client.call("mutation", "twoFactor.beginEnrolment");
    const enrolment = begun.data as { otpauthUri: string; qrSvg: string; manualKey: string };
    const uri = new URL(enrolment.otpauthUri);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe(`/Sigap 112:${admin.email}`);
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      issuer: "Sigap 112",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
    expect(enrolment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    const key = decodeBase32IgnorePadding(uri.searchParams.get("secret") ?? "");
    expect(key).toHaveLength(20);
    expect(enrolment.manualKey.replaceAll(" ", "")).toBe(uri.searchParams.get("secret"));

    const [pending] = await database.owner.sql<{ pending: string | null; active: string | null }[]>`
      select totp_pending_key_encrypted as pending, totp_key_encrypted as active from users where id = ${admin.id}`;
    expect(pending?.pending).toMatch(/^v1:test:/);
    expect(pending?.active).toBeNull();

    const wrong = await client.call("mutation", "twoFactor.confirmEnrolment", {
      code: wrongCode(key),
    });
    expect(wrong).toMatchObject({ status: 401, error: { message: "Invalid code" } });

    const confirmed = await client.call("mutation", "twoFactor.confirmEnrolment", {
      code: generateTOTP(key, 30, 6),
    });
    const { recoveryCodes } = confirmed.data as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{2}$/);

    const [stored] = await database.owner.sql<
      { pending: string | null; active: string | null; codes: string }[]
    >`
      select u.totp_pending_key_encrypted as pending, u.totp_key_encrypted as active,
             (select string_agg(code_hash, ' ') from recovery_codes where user_id = u.id) as codes
        from users u where u.id = ${admin.id}`;
    expect(stored?.pending).toBeNull();
    expect(stored?.active).toBe(pending?.pending);
    expect(stored?.codes.split(" ")).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored?.codes).not.toContain(code);

    // Verified now: a signed-in procedure gets past the second-factor gate (and the role rule stops it).
    const disable = await client.call("mutation", "twoFactor.disable", {
      code: codeAt(key, step() + 1),
    });
    expect(disable).toMatchObject({
      status: 403,
      error: { message: "Your role requires two-factor authentication" },
    });
    const again = await client.call("mutation", "twoFactor.beginEnrolment");
    expect(again).toMatchObject({ status: 409, error: { data: { code: "CONFLICT" } } });
    expect(await client.call("query", "twoFactor.status")).toMatchObject({
      data: { enabled: true, enrolmentPending: false, required: true, recoveryCodesLeft: 10 },
    });
    expect(await auditActions(admin.id)).toEqual(
      expect.arrayContaining([
        "twoFactor.beginEnrolment",
        "twoFactor.codeRejected",
        "twoFactor.enable",
      ]),
    );
  });
});

describe("the sign-in challenge", () => {
  it("accepts a code once: the same code replayed is refused", async () => {
    const admin = await person("tenant_admin");
    const { key, confirmedAtStep } = await enrol((await signIn(admin)).client);

    const first = await signIn(admin);
    expect(first.next).toBe("challenge");
    // The code that confirmed enrolment has been spent.
    const replayedEnrolment = await first.client.call("mutation", "twoFactor.verify", {
      code: codeAt(key, confirmedAtStep),
    });
    expect(replayedEnrolment).toMatchObject({ status: 401, error: { message: "Invalid code" } });

    const fresh = codeAt(key, confirmedAtStep + 1);
    const verified = await first.client.call("mutation", "twoFactor.verify", { code: fresh });
    expect(verified).toMatchObject({ status: 200, data: { verified: true, method: "totp" } });

    const second = await signIn(admin);
    const replayed = await second.client.call("mutation", "twoFactor.verify", { code: fresh });
    expect(replayed).toMatchObject({ status: 401, error: { message: "Invalid code" } });
    expect(await auditActions(admin.id)).toContain("twoFactor.verify");
  });

  it("a session that owes the second factor is refused until it passes, then let through", async () => {
    const admin = await person("tenant_admin");
    const { key, confirmedAtStep } = await enrol((await signIn(admin)).client);
    const { client, next } = await signIn(admin);
    expect(next).toBe("challenge");
    const before = await client.call("mutation", "twoFactor.regenerateRecoveryCodes", {
      code: "123456",
    });
    expect(before).toMatchObject({ status: 401, error: { message: "Second factor required" } });
    expect(await client.call("query", "auth.me")).toMatchObject({
      data: { secondFactor: "challenge" },
    });

    await client.call("mutation", "twoFactor.verify", { code: codeAt(key, confirmedAtStep + 1) });
    expect(await client.call("query", "auth.me")).toMatchObject({ data: { secondFactor: "done" } });
    // Signed in fully; this procedure now judges the code itself (spent above → refused).
    const after = await client.call("mutation", "twoFactor.regenerateRecoveryCodes", {
      code: codeAt(key, confirmedAtStep + 1),
    });
    expect(after).toMatchObject({ status: 401, error: { message: "Invalid code" } });
  });

  it("wrong codes are refused, audited, and throttled after repeated failures", async () => {
    const admin = await person("tenant_admin");
    const { key } = await enrol((await signIn(admin)).client);
    const { client } = await signIn(admin);
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await client.call("mutation", "twoFactor.verify", { code: wrongCode(key) });
      expect(wrong).toMatchObject({
        status: 401,
        error: { message: "Invalid code", data: { code: "UNAUTHORIZED" } },
      });
    }
    const locked = await client.call("mutation", "twoFactor.verify", {
      code: generateTOTP(key, 30, 6),
    });
    expect(locked).toMatchObject({ status: 429, error: { data: { code: "TOO_MANY_REQUESTS" } } });
    expect(locked.error?.data.retryAfterSeconds).toBeGreaterThan(0);
    expect(
      (await auditActions(admin.id)).filter((action) => action === "twoFactor.codeRejected"),
    ).toHaveLength(5);
    await database.owner.sql`delete from login_throttles where key = ${`account:${admin.email}`}`;
  });

  it("a recovery code works once only, in any case and with or without dashes", async () => {
    const admin = await person("tenant_admin");
    const { recoveryCodes } = await enrol((await signIn(admin)).client);
    const code = recoveryCodes[3] ?? "";

    const first = await signIn(admin);
    const used = await first.client.call("mutation", "twoFactor.verify", {
      code: code.toUpperCase().replaceAll("-", " "),
    });
    expect(used).toMatchObject({
      status: 200,
      data: { verified: true, method: "recovery", recoveryCodesLeft: 9 },
    });

    const second = await signIn(admin);
    const reused = await second.client.call("mutation", "twoFactor.verify", { code });
    expect(reused).toMatchObject({ status: 401, error: { message: "Invalid code" } });
    const other = await second.client.call("mutation", "twoFactor.verify", {
      code: recoveryCodes[4],
    });
    expect(other).toMatchObject({ status: 200, data: { recoveryCodesLeft: 8 } });

    const regenerated = await second.client.call("mutation", "twoFactor.regenerateRecoveryCodes", {
      code: recoveryCodes[5],
    });
    const fresh = (regenerated.data as { recoveryCodes: string[] }).recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[6]);
    const third = await signIn(admin);
    expect(
      await third.client.call("mutation", "twoFactor.verify", { code: recoveryCodes[6] }),
    ).toMatchObject({ status: 401 });
    expect(await auditActions(admin.id)).toContain("twoFactor.regenerateRecoveryCodes");
  });
});

describe("optional two-factor", () => {
  it("an operator signs in without it, may enrol, and may turn it off again with a code", async () => {
    const operator = await person("operator");
    const { client, next } = await signIn(operator);
    expect(next).toBe("done");
    expect(await client.call("query", "twoFactor.status")).toMatchObject({
      data: { enabled: false, required: false },
    });
    const { key, confirmedAtStep } = await enrol(client);
    expect((await signIn(operator)).next).toBe("challenge");

    const disabled = await client.call("mutation", "twoFactor.disable", {
      code: codeAt(key, confirmedAtStep + 1),
    });
    expect(disabled).toMatchObject({ status: 200, data: { enabled: false } });
    const [row] = await database.owner.sql<{ key: string | null; codes: number }[]>`
      select totp_key_encrypted as key, (select count(*)::int from recovery_codes where user_id = ${operator.id}) as codes
        from users where id = ${operator.id}`;
    expect(row).toEqual({ key: null, codes: 0 });
    expect((await signIn(operator)).next).toBe("done");
    expect(await auditActions(operator.id)).toContain("twoFactor.disable");
  });
});

describe("promotion into a role that requires a second factor", () => {
  async function tenantAdmin(tenantId: string): Promise<TestClient> {
    const admin = await createTestPerson(database.owner, {
      memberships: [{ tenantId, role: "tenant_admin" }],
      signedIn: true,
    });
    people.push(admin);
    return testClient(api.url, { cookie: admin.cookie });
  }

  it("stops an operator's open session at the next request until the new admin enrols", async () => {
    const operator = await person("operator");
    const { client, next } = await signIn(operator);
    expect(next).toBe("done");
    const promoted = await (
      await tenantAdmin(tenant.id)
    ).call("mutation", "users.changeRole", {
      tenantSlug: tenant.slug,
      userId: operator.id,
      role: "tenant_admin",
    });
    expect(promoted.status, promoted.message).toBe(200);

    // The same session, never having proven a code, may do no admin work.
    for (const [type, path] of [
      ["query", "users.list"],
      ["query", "trunks.list"],
      ["query", "audit.list"],
      ["mutation", "telephony.export"],
    ] as const) {
      expect(await client.call(type, path, { tenantSlug: tenant.slug }), path).toMatchObject({
        status: 401,
        error: { message: "Second factor required" },
      });
    }
    expect(await client.call("query", "auth.me")).toMatchObject({
      data: { secondFactor: "enrol" },
    });
    expect(await client.call("query", "twoFactor.status")).toMatchObject({
      data: { required: true, enabled: false },
    });

    await enrol(client);
    expect(await client.call("query", "users.list", { tenantSlug: tenant.slug })).toMatchObject({
      status: 200,
    });
  });

  it("sends a session that proved a code as an operator through the code again", async () => {
    const operator = await person("operator");
    const first = await signIn(operator);
    const { key, confirmedAtStep } = await enrol(first.client);
    expect(await first.client.call("query", "auth.me")).toMatchObject({
      data: { secondFactor: "done" },
    });

    const admin = await tenantAdmin(tenant.id);
    await admin.call("mutation", "users.changeRole", {
      tenantSlug: tenant.slug,
      userId: operator.id,
      role: "tenant_admin",
    });
    expect(await first.client.call("query", "auth.me")).toMatchObject({
      data: { secondFactor: "challenge" },
    });
    expect(
      await first.client.call("query", "users.list", { tenantSlug: tenant.slug }),
    ).toMatchObject({ status: 401 });
    await first.client.call("mutation", "twoFactor.verify", {
      code: codeAt(key, confirmedAtStep + 1),
    });
    expect(
      await first.client.call("query", "users.list", { tenantSlug: tenant.slug }),
    ).toMatchObject({ status: 200 });

    // A change that leaves the second factor owed as it was touches no session.
    await admin.call("mutation", "users.changeRole", {
      tenantSlug: tenant.slug,
      userId: operator.id,
      role: "supervisor",
    });
    expect(await first.client.call("query", "auth.me")).toMatchObject({
      data: { secondFactor: "done" },
    });
  });

  it("accepting an admin invitation sends the person's other open sessions through the second factor", async () => {
    const operator = await person("operator");
    const { client: elsewhere } = await signIn(operator);
    await enrol(elsewhere);
    const other = await createTestTenant(database.owner);
    try {
      const invited = await (
        await tenantAdmin(other.id)
      ).call("mutation", "users.invite", {
        tenantSlug: other.slug,
        email: operator.email,
        role: "tenant_admin",
      });
      expect(invited.status, invited.message).toBe(200);
      const { token } = await latestMail(
        database.owner,
        operator.email,
        "http://localhost:3000/invite/",
      );
      const accepted = await testClient(api.url).call("mutation", "invitations.accept", {
        token,
        password: testPassword,
      });
      expect(accepted).toMatchObject({ status: 200, data: { next: "challenge" } });
      expect(
        await testClient(api.url, { cookie: sessionCookieFrom(accepted.setCookie) }).call(
          "query",
          "auth.me",
        ),
      ).toMatchObject({
        data: { secondFactor: "challenge" },
      });

      expect(await elsewhere.call("query", "auth.me")).toMatchObject({
        data: { secondFactor: "challenge" },
      });
      expect(await elsewhere.call("query", "users.list", { tenantSlug: other.slug })).toMatchObject(
        {
          status: 401,
          error: { message: "Second factor required" },
        },
      );
    } finally {
      await deleteTestTenants(database.owner, [other]);
    }
  });
});

describe("sessions started without an owed second factor", () => {
  it("carry no mark: a plain operator's sign-in proves no code", async () => {
    const operator = await person("operator");
    const { client } = await signIn(operator);
    const sessionId = client.cookie?.replace("sigap_session=", "").split(".")[0] ?? "";
    const [row] = await database.owner.sql<{ marked: boolean }[]>`
      select two_factor_verified_at is not null as marked from sessions where id = ${sessionId}`;
    expect(row).toEqual({ marked: false });
  });
});
