import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { sessionCookieFrom, testClient, type TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import {
  auditRows,
  createTestPerson,
  latestMail,
  signInAs,
  testPassword,
  uniqueEmail,
} from "../people.ts";

const { api, database } = useTestApi();
const { owner } = database;
let tenant: TestTenant;
let admin: TestClient;

beforeAll(async () => {
  tenant = await createTestTenant(owner);
  admin = await signInAs(
    api,
    owner,
    await createTestPerson(owner, { memberships: [{ tenantId: tenant.id, role: "tenant_admin" }] }),
  );
});
afterAll(async () => {
  await deleteTestTenants(owner, [tenant]);
});

async function invite(email: string, role = "operator", extra: Record<string, unknown> = {}) {
  const reply = await admin.call("mutation", "users.invite", {
    tenantSlug: tenant.slug,
    email,
    role,
    ...extra,
  });
  expect(reply.status, reply.message).toBe(200);
  const mail = await latestMail(owner, email.toLowerCase(), "http://localhost:3000/invite/");
  return {
    invitationId: (reply.data as { invitationId: string }).invitationId,
    token: mail.token,
    mail,
  };
}

const accept = (token: string, input: Record<string, unknown> = {}) =>
  testClient(api.url).call("mutation", "invitations.accept", {
    token,
    displayName: "Siti Rahma",
    password: testPassword,
    ...input,
  });
const preview = (token: string) =>
  testClient(api.url).call("query", "invitations.preview", { token });

describe("inviting and accepting", () => {
  it("mails a link whose acceptance creates the account, the membership and a session", async () => {
    const email = uniqueEmail("invitee");
    const { invitationId, token, mail } = await invite(
      email.toUpperCase().replace("@SIGAP112.TEST", "@sigap112.test"),
    );
    expect(mail.transport).toBe("outbox");
    expect(mail.text).toContain("Anda diundang bergabung");
    expect(mail.text).toContain("You have been invited");
    expect(mail.html).toContain(`href="http://localhost:3000/invite/${token}"`);

    expect((await preview(token)).data).toMatchObject({
      tenantName: `Tenant ${tenant.slug}`,
      email,
      role: "operator",
      status: "valid",
      hasAccount: false,
    });

    const accepted = await accept(token);
    expect(accepted.status, accepted.message).toBe(200);
    expect(accepted.data).toEqual({ next: "done", tenantSlug: tenant.slug });
    const me = await testClient(api.url, { cookie: sessionCookieFrom(accepted.setCookie) }).call(
      "query",
      "auth.me",
    );
    expect(me.data).toMatchObject({
      user: { email, displayName: "Siti Rahma" },
      tenants: [{ slug: tenant.slug, role: "operator" }],
    });

    expect(await auditRows(owner, "audit_log", "users.invite", invitationId)).toEqual([
      expect.objectContaining({ actor_role: "tenant_admin", tenant_id: tenant.id }),
    ]);
    const [acceptRow] = await auditRows(owner, "audit_log", "invitations.accept", invitationId);
    expect(acceptRow).toMatchObject({
      actor_role: "anonymous",
      tenant_id: tenant.id,
      diff: { after: { role: "operator", accountCreated: true } },
    });
  });

  it("works once: a second acceptance is refused and the preview says used", async () => {
    const { token } = await invite(uniqueEmail("once"));
    expect((await accept(token)).status).toBe(200);
    expect(await accept(token)).toMatchObject({
      status: 409,
      code: "CONFLICT",
      message: "This invitation has already been used",
    });
    expect((await preview(token)).data).toMatchObject({ status: "used" });
  });

  it("a used or expired link shows nothing personal: no email, role or account", async () => {
    const used = await invite(uniqueEmail("spent"));
    expect((await accept(used.token)).status).toBe(200);
    const late = await invite(uniqueEmail("stale"));
    await owner.sql`update invitations set expires_at = now() - interval '1 minute' where id = ${late.invitationId}`;
    for (const [token, status] of [
      [used.token, "used"],
      [late.token, "expired"],
    ] as const) {
      expect((await preview(token)).data).toEqual({ status, tenantName: `Tenant ${tenant.slug}` });
    }
  });

  it("of two simultaneous acceptances exactly one wins", async () => {
    const email = uniqueEmail("race");
    const { token } = await invite(email);
    const replies = await Promise.all([accept(token), accept(token)]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const [count] = await owner.sql<{ n: number }[]>`
      select count(*)::int as n from memberships m join users u on u.id = m.user_id where u.email = ${email}`;
    expect(count?.n).toBe(1);
  });

  it("is refused after expiry", async () => {
    const { invitationId, token } = await invite(uniqueEmail("late"));
    await owner.sql`update invitations set expires_at = now() - interval '1 minute' where id = ${invitationId}`;
    expect((await preview(token)).data).toMatchObject({ status: "expired" });
    expect(await accept(token)).toMatchObject({ status: 409, code: "CONFLICT" });
  });

  it("is refused once revoked, by an admin or by a newer invitation", async () => {
    const { invitationId, token } = await invite(uniqueEmail("withdrawn"));
    const revoked = await admin.call("mutation", "users.revokeInvitation", {
      tenantSlug: tenant.slug,
      invitationId,
    });
    expect(revoked.status).toBe(200);
    expect(
      await auditRows(owner, "audit_log", "users.revokeInvitation", invitationId),
    ).toHaveLength(1);
    expect((await preview(token)).data).toMatchObject({ status: "revoked" });
    expect(await accept(token)).toMatchObject({ status: 409, code: "CONFLICT" });

    const email = uniqueEmail("twice");
    const first = await invite(email);
    const second = await invite(email);
    expect((await preview(first.token)).data).toMatchObject({ status: "revoked" });
    expect((await preview(second.token)).data).toMatchObject({ status: "valid" });
  });

  it("names the field when the password is weak or the name is missing", async () => {
    const { token } = await invite(uniqueEmail("weak"));
    const weak = await accept(token, { password: "password123" });
    expect(weak).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(weak.issues).toMatchObject([
      { path: "password", message: expect.stringContaining("Kata sandi") as string },
    ]);
    const english = await accept(token, { password: "qwertyuiop1", locale: "en" });
    expect(english.issues).toMatchObject([
      { path: "password", message: expect.stringContaining("too easy to guess") as string },
    ]);
    const nameless = await accept(token, { displayName: undefined });
    expect(nameless.issues).toMatchObject([
      { path: "displayName", message: expect.any(String) as string },
    ]);
    expect((await preview(token)).data).toMatchObject({ status: "valid" });
  });

  it("lets an existing account join with its current password, and only with it", async () => {
    const person = await createTestPerson(owner);
    const { invitationId, token } = await invite(person.email, "supervisor");
    expect((await preview(token)).data).toMatchObject({ hasAccount: true });
    const wrong = await accept(token, { password: "not the password at all 42" });
    expect(wrong).toMatchObject({ status: 400 });
    expect(wrong.issues?.[0]?.path).toBe("password");
    const right = await accept(token, { password: person.password, displayName: "Ignored" });
    expect(right).toMatchObject({ status: 200, data: { next: "done" } });
    const [user] = await owner.sql<
      { display_name: string }[]
    >`select display_name from users where id = ${person.id}`;
    expect(user?.display_name).toBe(`Test ${person.email}`);
    expect(
      (await auditRows(owner, "audit_log", "invitations.accept", invitationId))[0],
    ).toMatchObject({ actor_user_id: person.id });
  });

  it("sends a new tenant admin on to 2FA enrolment", async () => {
    const { token } = await invite(uniqueEmail("admin"), "tenant_admin");
    expect(await accept(token)).toMatchObject({ status: 200, data: { next: "enrol" } });
  });

  it("refuses to invite an active member, and an agency responder without an agency", async () => {
    const member = await createTestPerson(owner, {
      memberships: [{ tenantId: tenant.id, role: "operator" }],
    });
    const again = await admin.call("mutation", "users.invite", {
      tenantSlug: tenant.slug,
      email: member.email,
      role: "supervisor",
    });
    expect(again).toMatchObject({
      status: 409,
      code: "CONFLICT",
      message: `${member.email} is already an active member of this tenant`,
    });
    const responder = await admin.call("mutation", "users.invite", {
      tenantSlug: tenant.slug,
      email: uniqueEmail("r"),
      role: "agency_responder",
    });
    expect(responder.issues?.map((issue) => issue.path)).toMatchObject(["agencyId"]);
  });

  it("an unknown token is NOT_FOUND", async () => {
    expect(await preview("nosuchtoken")).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(await accept("nosuchtoken")).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });
});
