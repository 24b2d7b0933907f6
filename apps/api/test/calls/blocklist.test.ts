import { describe, expect, it } from "vitest";
import type { TestTenant } from "@sigap/tenancy/testing";
import { testClient } from "../client.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { createTestPerson } from "../people.ts";
import { openSse } from "../sse.ts";
import { arrangeTrunk, postTelephony, telephonyEvent } from "../telephony/fixture.ts";

// The prank blocklist: a region's call-takers block a number for a while; its calls still ring,
// marked, because a prankster can still have a real emergency.

const { api, database } = useTestApi();
const { owner } = database;
const records = useTestRecords(owner);

async function operatorClient(tenant: TestTenant) {
  const person = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role: "operator" }],
    signedIn: true,
  });
  records.people.push(person);
  const client = testClient(api.url, { cookie: person.cookie });
  return {
    person,
    call: (type: "query" | "mutation", path: string, input: Record<string, unknown> = {}) =>
      client.call(type, `calls.${path}`, { tenantSlug: tenant.slug, ...input }),
  };
}

describe("the prank blocklist", () => {
  it("blocks a number for 24 hours by default, audited, and lists it", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const operator = await operatorClient(region.tenant);
    const blocked = await operator.call("mutation", "block", {
      number: "0813 2222 3333",
      reason: "Tiga panggilan iseng malam ini",
    });
    expect(blocked.status).toBe(200);
    const { expiresAt } = blocked.data as { expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23.9 * 60 * 60 * 1000);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(24 * 60 * 60 * 1000);

    const listed = await operator.call("query", "blocklist");
    expect(listed.data).toEqual([
      {
        number: "+6281322223333",
        reason: "Tiga panggilan iseng malam ini",
        expiresAt,
        blockedAt: expect.any(String) as unknown,
      },
    ]);
    const audit =
      await owner.sql`select 1 from audit_log where tenant_id = ${region.tenant.id} and action = 'calls.block' and target_id = '+6281322223333'`;
    expect(audit).toHaveLength(1);
  });

  it("still shows a blocked number's call in the queue, with its mark", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const operator = await operatorClient(region.tenant);
    await operator.call("mutation", "block", {
      number: "0812-3456-7890",
      reason: "Iseng berulang",
      hours: 2,
    });
    await postTelephony(
      api.url,
      telephonyEvent(region.did, "blocked-1", "call.offered", 0),
      region.secret,
    );
    const stream = await openSse(
      api.url,
      "calls.live",
      JSON.stringify({ tenantSlug: region.tenant.slug }),
      { cookie: operator.person.cookie },
    );
    try {
      const queue = (await stream.next()).data as {
        calls: { callerNumber: string; blocked: boolean; state: string }[];
      };
      expect(queue.calls).toEqual([
        expect.objectContaining({
          callerNumber: "+6281234567890",
          blocked: true,
          state: "ringing",
        }),
      ]);
    } finally {
      stream.close();
    }
  });

  it("marks a call already ringing as soon as its number is blocked, and unmarks it when the block is lifted", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const operator = await operatorClient(region.tenant);
    await postTelephony(
      api.url,
      telephonyEvent(region.did, "ringing-1", "call.offered", 0),
      region.secret,
    );
    const stream = await openSse(
      api.url,
      "calls.live",
      JSON.stringify({ tenantSlug: region.tenant.slug }),
      { cookie: operator.person.cookie },
    );
    try {
      const queue = (await stream.next()).data as { calls: { blocked: boolean }[] };
      expect(queue.calls.map((call) => call.blocked)).toEqual([false]);
      await operator.call("mutation", "block", {
        number: "0812-3456-7890",
        reason: "Iseng berulang",
      });
      expect((await stream.next()).data).toMatchObject({
        call: { callerNumber: "+6281234567890", blocked: true, state: "ringing" },
      });
      await operator.call("mutation", "unblock", { number: "0812-3456-7890" });
      expect((await stream.next()).data).toMatchObject({
        call: { callerNumber: "+6281234567890", blocked: false },
      });
    } finally {
      stream.close();
    }
  });

  it("names the field of bad input and writes nothing", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const operator = await operatorClient(region.tenant);
    const cases: [Record<string, unknown>, string][] = [
      [{ number: "bukan nomor", reason: "x" }, "number"],
      [{ number: "0813 2222 3333", reason: "  " }, "reason"],
      [{ number: "0813 2222 3333", reason: "x", hours: 0 }, "hours"],
      [{ number: "0813 2222 3333", reason: "x", hours: 24 * 31 }, "hours"],
    ];
    for (const [input, field] of cases) {
      const answer = await operator.call("mutation", "block", input);
      expect({ status: answer.status, fields: answer.issues?.map((issue) => issue.path) }).toEqual({
        status: 400,
        fields: [field],
      });
    }
    expect((await operator.call("query", "blocklist")).data).toEqual([]);
  });

  it("keeps each tenant's blocklist its own, and unblocks once", async () => {
    const mine = await arrangeTrunk(api.url, owner, records);
    const theirs = await arrangeTrunk(api.url, owner, records);
    const me = await operatorClient(mine.tenant);
    const them = await operatorClient(theirs.tenant);
    await me.call("mutation", "block", { number: "0813 2222 3333", reason: "Iseng" });

    expect((await them.call("query", "blocklist")).data).toEqual([]);
    expect((await them.call("mutation", "unblock", { number: "0813 2222 3333" })).code).toBe(
      "NOT_FOUND",
    );
    expect((await me.call("mutation", "unblock", { number: "+6281322223333" })).status).toBe(200);
    expect((await me.call("query", "blocklist")).data).toEqual([]);
    expect((await me.call("mutation", "unblock", { number: "+6281322223333" })).code).toBe(
      "NOT_FOUND",
    );
  });
});
