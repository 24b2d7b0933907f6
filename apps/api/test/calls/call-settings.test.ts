import { describe, expect, it } from "vitest";
import { testClient } from "../client.ts";
import { useTestApi, useTestRecords } from "../harness.ts";
import { createTestPerson } from "../people.ts";
import { arrangeTrunk } from "../telephony/fixture.ts";

// A region's rules for its calls: how long they are kept, and when the call panel suggests a block.

const { api, database } = useTestApi();
const { owner } = database;
const records = useTestRecords(owner);

describe("call settings", () => {
  it("reads the defaults, stores the admin's rules audited, and the prank suggestion follows them", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const admin = await createTestPerson(owner, {
      memberships: [{ tenantId: region.tenant.id, role: "tenant_admin" }],
      signedIn: true,
    });
    records.people.push(admin);
    const client = testClient(api.url, { cookie: admin.cookie });
    const call = (type: "query" | "mutation", path: string, input: Record<string, unknown> = {}) =>
      client.call(type, path, { tenantSlug: region.tenant.slug, ...input });

    expect((await call("query", "callSettings.get")).data).toEqual({
      retentionDays: 365,
      prankBlockAfterCalls: 3,
      prankBlockWithinHours: 24,
    });
    const rules = { retentionDays: 90, prankBlockAfterCalls: 5, prankBlockWithinHours: 48 };
    expect((await call("mutation", "callSettings.update", rules)).status).toBe(200);
    expect((await call("query", "callSettings.get")).data).toEqual(rules);

    const stored = await owner.sql<
      { key: string; value: string }[]
    >`select key, value from tenant_settings where tenant_id = ${region.tenant.id} order by key`;
    expect(stored.filter((row) => row.key !== "call_destination")).toEqual([
      { key: "call_retention_days", value: "90" },
      { key: "prank_block_after_calls", value: "5" },
      { key: "prank_block_within_hours", value: "48" },
    ]);
    const [audit] = await owner.sql<
      { diff: { before: { retentionDays: number }; after: { retentionDays: number } } }[]
    >`
      select diff from audit_log where tenant_id = ${region.tenant.id} and action = 'calls.configure'`;
    expect(audit?.diff).toMatchObject({
      before: { retentionDays: 365 },
      after: { retentionDays: 90 },
    });
  });

  it("names each rule out of bounds, and keeps the others unchanged", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    const admin = await createTestPerson(owner, {
      memberships: [{ tenantId: region.tenant.id, role: "tenant_admin" }],
      signedIn: true,
    });
    records.people.push(admin);
    const client = testClient(api.url, { cookie: admin.cookie });
    const refused = await client.call("mutation", "callSettings.update", {
      tenantSlug: region.tenant.slug,
      retentionDays: 7,
      prankBlockAfterCalls: 1,
      prankBlockWithinHours: 2.5,
    });
    expect(refused.status).toBe(400);
    expect(refused.issues?.map((issue) => issue.path)).toEqual([
      "retentionDays",
      "prankBlockAfterCalls",
      "prankBlockWithinHours",
    ]);
    const stored =
      await owner.sql`select 1 from tenant_settings where tenant_id = ${region.tenant.id} and key like 'prank%'`;
    expect(stored).toHaveLength(0);
  });

  it("is for the region's admin, not its operators or supervisors", async () => {
    const region = await arrangeTrunk(api.url, owner, records);
    for (const role of ["operator", "supervisor"] as const) {
      const person = await createTestPerson(owner, {
        memberships: [{ tenantId: region.tenant.id, role }],
        signedIn: true,
      });
      records.people.push(person);
      const answer = await testClient(api.url, { cookie: person.cookie }).call(
        "query",
        "callSettings.get",
        { tenantSlug: region.tenant.slug },
      );
      expect(answer.status).toBe(403);
    }
  });
});
