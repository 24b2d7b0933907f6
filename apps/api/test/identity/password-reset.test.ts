import { describe, expect, it } from "vitest";
import { testClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import { auditRows, createTestPerson, latestMail, signInAs, uniqueEmail } from "../people.ts";

const { api, database } = useTestApi();
const { owner } = database;

const newPassword = "Kopi tubruk di Malioboro 1998";
const request = (email: string) =>
  testClient(api.url).call("mutation", "passwordReset.request", { email });
const complete = (token: string, password = newPassword) =>
  testClient(api.url).call("mutation", "passwordReset.complete", { token, password });

async function mailCount(to: string): Promise<number> {
  const [row] = await owner.sql<
    { n: number }[]
  >`select count(*)::int as n from mail_outbox where "to" = ${to}`;
  return row?.n ?? 0;
}

describe("password reset", () => {
  it("answers the same for an unknown email and mails nothing", async () => {
    const person = await createTestPerson(owner);
    const unknown = uniqueEmail("nobody");
    const [known, stranger] = await Promise.all([request(person.email), request(unknown)]);
    expect(stranger.status).toBe(known.status);
    expect(stranger.data).toEqual(known.data);
    expect(known.data).toEqual({ sent: true });
    expect(await mailCount(unknown)).toBe(0);
    expect(await mailCount(person.email)).toBe(1);
    expect(await auditRows(owner, "platform_audit_log", "passwordReset.request", unknown)).toEqual([
      expect.objectContaining({ actor_role: "anonymous", diff: { after: { mailed: false } } }),
    ]);
  });

  it("sets the password once, ends every session, and does not sign in", async () => {
    const person = await createTestPerson(owner);
    const client = await signInAs(api, owner, person);
    expect((await request(person.email)).status).toBe(200);
    const mail = await latestMail(owner, person.email, "http://localhost:3000/reset-password/");
    expect(mail.subject).toContain("Atur ulang kata sandi");
    expect(mail.text).toContain("kata sandi baru");
    expect(mail.text).toContain("choose a new one");

    const done = await complete(mail.token);
    expect(done).toMatchObject({ status: 200, data: { passwordChanged: true } });
    expect(done.setCookie ?? "").not.toContain("sigap_session=");
    expect(await client.call("query", "auth.me")).toMatchObject({
      status: 401,
      code: "UNAUTHORIZED",
    });
    await expect(signInAs(api, owner, person)).rejects.toThrow();
    await signInAs(api, owner, { email: person.email, password: newPassword });

    expect(await complete(mail.token, "Another fine password 77 x")).toMatchObject({
      status: 409,
      code: "CONFLICT",
    });
    expect(
      await auditRows(owner, "platform_audit_log", "passwordReset.complete", person.id),
    ).toEqual([expect.objectContaining({ diff: { after: { endedSessions: 1 } } })]);
  });

  it("refuses an expired link, a weak password (naming the field) and an unknown token", async () => {
    const person = await createTestPerson(owner);
    await request(person.email);
    const { token } = await latestMail(
      owner,
      person.email,
      "http://localhost:3000/reset-password/",
    );
    const weak = await complete(token, "1234567890");
    expect(weak).toMatchObject({ status: 400, issues: [{ path: "password" }] });
    await owner.sql`update password_resets set expires_at = now() - interval '1 second' where user_id = ${person.id}`;
    expect(await complete(token)).toMatchObject({
      status: 409,
      code: "CONFLICT",
      message: expect.stringContaining("expired") as string,
    });
    expect(await complete("unknowntoken")).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("mails at most one link a minute to the same account", async () => {
    const person = await createTestPerson(owner);
    await request(person.email);
    await request(person.email);
    expect(await mailCount(person.email)).toBe(1);
  });
});
