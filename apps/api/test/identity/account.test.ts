import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@sigap/tenancy/testing";
import { startTestApi } from "../server.ts";
import { auditRows, call, createUser } from "./helpers.ts";
import { signInAs } from "./sign-in.ts";

const database = connectTestDatabase();
const { owner } = database;
let api: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  api = await startTestApi(database.urls.appUrl);
});
afterAll(async () => {
  await api.close();
  await database.close();
});

interface SessionItem {
  id: string;
  current: boolean;
  userAgent: string | null;
}

const sessionsOf = async (cookie: string) => (await call(api, "query", "account.sessions", undefined, cookie)).data as SessionItem[];

describe("account", () => {
  it("updates the profile, audited with before and after", async () => {
    const person = await createUser(owner, { displayName: "Budi" });
    const cookie = await signInAs(api, owner, person);
    const reply = await call(api, "mutation", "account.updateProfile", { displayName: "  Budi Santoso ", locale: "en" }, cookie);
    expect(reply).toMatchObject({ status: 200, data: { displayName: "Budi Santoso", locale: "en" } });
    expect((await call(api, "query", "auth.me", undefined, cookie)).data).toMatchObject({ user: { displayName: "Budi Santoso", locale: "en" } });
    expect(await auditRows(owner, "platform_audit_log", "account.updateProfile", person.id)).toEqual([
      expect.objectContaining({
        actor_user_id: person.id,
        diff: { before: { displayName: "Budi", locale: "id" }, after: { displayName: "Budi Santoso", locale: "en" } },
      }),
    ]);
    const bad = await call(api, "mutation", "account.updateProfile", { displayName: "", locale: "fr" }, cookie);
    expect(bad.issues?.map((issue) => issue.path).sort()).toEqual(["displayName", "locale"]);
  });

  it("lists one's sessions and revokes one; another person's session is NOT_FOUND", async () => {
    const person = await createUser(owner);
    const first = await signInAs(api, owner, person);
    const second = await signInAs(api, owner, person);
    const listed = await sessionsOf(second);
    expect(listed).toHaveLength(2);
    expect(listed.filter((session) => session.current)).toHaveLength(1);
    const firstId = first.split("=")[1]?.split(".")[0] ?? "";
    expect(listed.find((session) => session.current)?.id).not.toBe(firstId);

    const stranger = await createUser(owner);
    const strangerCookie = await signInAs(api, owner, stranger);
    expect(await call(api, "mutation", "account.revokeSession", { sessionId: firstId }, strangerCookie)).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });

    expect(await call(api, "mutation", "account.revokeSession", { sessionId: firstId }, second)).toMatchObject({
      status: 200,
      data: { revoked: true, current: false },
    });
    expect(await call(api, "query", "auth.me", undefined, first)).toMatchObject({ status: 401 });
    expect(await sessionsOf(second)).toHaveLength(1);
    expect(await auditRows(owner, "platform_audit_log", "account.revokeSession", firstId)).toHaveLength(1);
  });

  it("changes the password with the current one, ending the other sessions", async () => {
    const person = await createUser(owner);
    const other = await signInAs(api, owner, person);
    const cookie = await signInAs(api, owner, person);
    const wrong = await call(api, "mutation", "account.changePassword", { currentPassword: "nope nope nope", newPassword: "x" }, cookie);
    expect(wrong).toMatchObject({ status: 400, issues: [{ path: "currentPassword" }] });
    const weak = await call(api, "mutation", "account.changePassword", { currentPassword: person.password, newPassword: "abcdefghij" }, cookie);
    expect(weak).toMatchObject({ status: 400, issues: [{ path: "newPassword" }] });

    const newPassword = "Sate lilit dan es campur 2024";
    const changed = await call(api, "mutation", "account.changePassword", { currentPassword: person.password, newPassword }, cookie);
    expect(changed).toMatchObject({ status: 200, data: { endedSessions: 1 } });
    expect(await call(api, "query", "auth.me", undefined, other)).toMatchObject({ status: 401 });
    expect(await call(api, "query", "auth.me", undefined, cookie)).toMatchObject({ status: 200 });
    await signInAs(api, owner, { email: person.email, password: newPassword });
    expect(await auditRows(owner, "platform_audit_log", "account.changePassword", person.id)).toHaveLength(1);
  });
});
