import { describe, expect, it } from "vitest";
import type { TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import { auditRows, createTestPerson, signInAs } from "../people.ts";

const { api, database } = useTestApi();
const { owner } = database;

interface SessionItem {
  id: string;
  current: boolean;
  userAgent: string | null;
}

const sessionsOf = async (client: TestClient) =>
  (await client.call("query", "account.sessions")).data as SessionItem[];

describe("account", () => {
  it("updates the profile, audited with before and after", async () => {
    const person = await createTestPerson(owner, { displayName: "Budi" });
    const client = await signInAs(api, owner, person);
    const reply = await client.call("mutation", "account.updateProfile", {
      displayName: "  Budi Santoso ",
      locale: "en",
    });
    expect(reply).toMatchObject({
      status: 200,
      data: { displayName: "Budi Santoso", locale: "en" },
    });
    expect((await client.call("query", "auth.me")).data).toMatchObject({
      user: { displayName: "Budi Santoso", locale: "en" },
    });
    expect(
      await auditRows(owner, "platform_audit_log", "account.updateProfile", person.id),
    ).toEqual([
      expect.objectContaining({
        actor_user_id: person.id,
        diff: {
          before: { displayName: "Budi", locale: "id" },
          after: { displayName: "Budi Santoso", locale: "en" },
        },
      }),
    ]);
    const bad = await client.call("mutation", "account.updateProfile", {
      displayName: "",
      locale: "fr",
    });
    expect(bad.issues?.map((issue) => issue.path).sort()).toEqual(["displayName", "locale"]);
  });

  it("lists one's sessions and revokes one; another person's session is NOT_FOUND", async () => {
    const person = await createTestPerson(owner);
    const first = await signInAs(api, owner, person);
    const second = await signInAs(api, owner, person);
    const listed = await sessionsOf(second);
    expect(listed).toHaveLength(2);
    expect(listed.filter((session) => session.current)).toHaveLength(1);
    const firstId = first.cookie?.split("=")[1]?.split(".")[0] ?? "";
    expect(listed.find((session) => session.current)?.id).not.toBe(firstId);

    const stranger = await signInAs(api, owner, await createTestPerson(owner));
    expect(
      await stranger.call("mutation", "account.revokeSession", { sessionId: firstId }),
    ).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });

    expect(
      await second.call("mutation", "account.revokeSession", { sessionId: firstId }),
    ).toMatchObject({
      status: 200,
      data: { revoked: true, current: false },
    });
    expect(await first.call("query", "auth.me")).toMatchObject({ status: 401 });
    expect(await sessionsOf(second)).toHaveLength(1);
    expect(
      await auditRows(owner, "platform_audit_log", "account.revokeSession", firstId),
    ).toHaveLength(1);
  });

  it("changes the password with the current one, ending the other sessions", async () => {
    const person = await createTestPerson(owner);
    const other = await signInAs(api, owner, person);
    const client = await signInAs(api, owner, person);
    const wrong = await client.call("mutation", "account.changePassword", {
      currentPassword: "nope nope nope",
      newPassword: "x",
    });
    expect(wrong).toMatchObject({ status: 400, issues: [{ path: "currentPassword" }] });
    const weak = await client.call("mutation", "account.changePassword", {
      currentPassword: person.password,
      newPassword: "abcdefghij",
    });
    expect(weak).toMatchObject({ status: 400, issues: [{ path: "newPassword" }] });

    const newPassword = "Sate lilit dan es campur 2024";
    const changed = await client.call("mutation", "account.changePassword", {
      currentPassword: person.password,
      newPassword,
    });
    expect(changed).toMatchObject({ status: 200, data: { endedSessions: 1 } });
    expect(await other.call("query", "auth.me")).toMatchObject({ status: 401 });
    expect(await client.call("query", "auth.me")).toMatchObject({ status: 200 });
    await signInAs(api, owner, { email: person.email, password: newPassword });
    expect(
      await auditRows(owner, "platform_audit_log", "account.changePassword", person.id),
    ).toHaveLength(1);
  });
});
