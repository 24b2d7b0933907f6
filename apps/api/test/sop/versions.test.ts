import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@sigap/tenancy";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { sql } from "drizzle-orm";
import { validateRuleset } from "@sigap/sop-engine";
import { testClient, type TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import { createTestPerson, deleteTestPeople, type TestPerson } from "../people.ts";

const { api, database } = useTestApi();
const { owner } = database;
const people: TestPerson[] = [];
let tenant: TestTenant;
let admin: TestClient;
let supervisor: TestClient;

type Ruleset = {
  name: string;
  rules: {
    id: string;
    then: { agencies?: { agencyType?: string; role: string; ackWithinMinutes?: number }[] };
  }[];
} & Record<string, unknown>;
interface Workspace {
  draft: {
    ruleset: Ruleset;
    updatedAt: string;
    basedOnNumber: number | null;
    findings: { level: string; code: string; path: string }[];
  } | null;
  current: { number: number; note: string } | null;
  draftDiffers: boolean;
  versions: { number: number; basedOnNumber: number | null; note: string; authorName: string }[];
}
interface PublishResult {
  published: boolean;
  number?: number;
  check: {
    publishable: boolean;
    findings: { level: string; code: string; path: string }[];
    tests: { name: string; result: { status: string } }[];
  };
}

const slug = () => ({ tenantSlug: tenant.slug });
async function workspace(): Promise<Workspace> {
  const reply = await admin.call("query", "sop.workspace", slug());
  expect(reply.status, reply.message).toBe(200);
  return reply.data as Workspace;
}
async function save(
  ruleset: unknown,
): Promise<{ updatedAt: string; findings: { level: string; code: string; path: string }[] }> {
  const reply = await admin.call("mutation", "sop.saveDraft", {
    ...slug(),
    ruleset,
    updatedAt: (await workspace()).draft?.updatedAt ?? null,
  });
  expect(reply.status, reply.message).toBe(200);
  return reply.data as {
    updatedAt: string;
    findings: { level: string; code: string; path: string }[];
  };
}
async function publish(note: string): Promise<PublishResult> {
  const reply = await admin.call("mutation", "sop.publish", {
    ...slug(),
    note,
    updatedAt: (await workspace()).draft?.updatedAt,
  });
  expect(reply.status, reply.message).toBe(200);
  return reply.data as PublishResult;
}
/** The draft with one rule's first agency changed: the smallest real edit. */
async function draftWithFireAgency(agencyType: string): Promise<Ruleset> {
  const ruleset = structuredClone((await workspace()).draft?.ruleset) as Ruleset;
  const fire = ruleset.rules.find((rule) => rule.id === "fire.base");
  const first = fire?.then.agencies?.[0];
  if (!first) throw new Error("the national template has no fire.base agency");
  first.agencyType = agencyType;
  return ruleset;
}

const fireTestCase = {
  name: "Kebakaran gedung siang hari",
  incident: { type: "fire", subtype: "fire.building", severity: "high" },
  at: "2026-11-23T10:00:00+07:00",
  expect: {
    notify: [{ agencyType: "damkar", role: "primary", ackWithinMinutes: { atMost: 5 } }],
    notNotify: [{ agencyType: "polres" }],
    priority: "P1",
  },
};

beforeAll(async () => {
  tenant = await createTestTenant(owner);
  const adminPerson = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role: "tenant_admin" }],
    signedIn: true,
  });
  const supervisorPerson = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role: "supervisor" }],
    signedIn: true,
  });
  people.push(adminPerson, supervisorPerson);
  admin = testClient(api.url, { cookie: adminPerson.cookie });
  supervisor = testClient(api.url, { cookie: supervisorPerson.cookie });
  const chosen = await admin.call("mutation", "onboarding.chooseSop", {
    ...slug(),
    templateCode: "national-default",
  });
  expect(chosen.status, chosen.message).toBe(200);
});
afterAll(async () => {
  await deleteTestTenants(owner, [tenant]);
  await deleteTestPeople(owner, people);
});

describe("SOP drafts, publishing and rollback", () => {
  it("starts from the template as a draft, with nothing published", async () => {
    const start = await workspace();
    expect(start.current).toBeNull();
    expect(start.versions).toEqual([]);
    expect(start.draftDiffers).toBe(true);
    expect(start.draft?.ruleset.rules.length).toBeGreaterThan(20);
    expect(start.draft?.findings.filter((finding) => finding.level === "error")).toEqual([]);
  });

  it("saves a draft with errors, shows where they are, and refuses to publish it", async () => {
    const saved = await save(await draftWithFireAgency("pemadam"));
    const error = saved.findings.find((finding) => finding.level === "error");
    expect(error?.code).toBe("unknown_agency_type");
    expect(error?.path).toMatch(/^\$\.rules\[\d+\]\.then\.agencies\[0\]\.agencyType$/);
    const refused = await publish("Coba terbitkan draf rusak");
    expect(refused.published).toBe(false);
    expect(refused.check.publishable).toBe(false);
    expect(refused.check.findings).toContainEqual(
      expect.objectContaining({ code: "unknown_agency_type" }),
    );
    expect((await workspace()).versions).toEqual([]);
  });

  it("publishes version 1 once fixed, numbering versions in order", async () => {
    await save(await draftWithFireAgency("damkar"));
    const first = await publish("Versi pertama dari templat nasional");
    expect(first).toMatchObject({ published: true, number: 1 });
    const after = await workspace();
    expect(after.current).toMatchObject({ number: 1, note: "Versi pertama dari templat nasional" });
    expect(after.draftDiffers).toBe(false);
    expect(after.draft?.basedOnNumber).toBe(1);

    const edited = await draftWithFireAgency("damkar");
    edited.name = "SOP dengan nama baru";
    await save(edited);
    expect((await workspace()).draftDiffers).toBe(true);
    expect(await publish("Ganti nama SOP")).toMatchObject({ published: true, number: 2 });
    expect((await workspace()).versions.map((version) => version.number)).toEqual([2, 1]);
  });

  it("refuses a save or publish based on a draft that changed since it was read", async () => {
    const stale = (await workspace()).draft?.updatedAt;
    await save((await workspace()).draft?.ruleset);
    const saveReply = await admin.call("mutation", "sop.saveDraft", {
      ...slug(),
      ruleset: { format: "sigap.sop/1" },
      updatedAt: stale,
    });
    expect(saveReply).toMatchObject({
      code: "CONFLICT",
      message:
        "The draft was changed by someone else since you opened it; reload to see their changes",
    });
    const publishReply = await admin.call("mutation", "sop.publish", {
      ...slug(),
      note: "Terbitkan versi lama",
      updatedAt: stale,
    });
    expect(publishReply).toMatchObject({ code: "CONFLICT" });
  });

  it("names the field of bad input", async () => {
    const reply = await admin.call("mutation", "sop.saveDraft", {
      ...slug(),
      ruleset: ["not", "an", "object"],
      updatedAt: null,
    });
    expect(reply.issues).toMatchObject([
      { path: "ruleset", message: "ruleset must be a JSON object" },
    ]);
    const note = await admin.call("mutation", "sop.publish", {
      ...slug(),
      note: " ",
      updatedAt: new Date().toISOString(),
    });
    expect(note.issues).toMatchObject([
      { path: "note", message: "note must say in at least 3 characters what changed" },
    ]);
  });

  it("refuses to simulate at a moment the calendar or the clock does not have, instead of rolling it over", async () => {
    for (const [at, why] of [
      ["2025-02-30T22:30:00+07:00", "2025-02-30 is not a day of the calendar"],
      ["2025-08-17T24:00:00+07:00", "24:00 is not a time of day; write 00:00 of the next day"],
      ["2025-08-17T21:30:00+15:00", "+15:00 is not an offset; offsets run from -14:00 to +14:00"],
    ] as const) {
      const reply = await supervisor.call("query", "sop.simulate", {
        ...slug(),
        incident: fireTestCase.incident,
        at,
      });
      expect(reply.code, at).toBe("BAD_REQUEST");
      expect(reply.issues).toMatchObject([
        {
          path: "at",
          message: `at must be an ISO-8601 date and time with an offset, e.g. 2025-08-17T21:30:00+07:00; ${why}.`,
        },
      ]);
    }
  });

  it("never lets a broken draft touch the live version: it keeps planning", async () => {
    await save({ format: "sigap.sop/1", name: "rusak", rules: "bukan daftar" });
    const reply = await supervisor.call("query", "sop.simulate", {
      ...slug(),
      incident: fireTestCase.incident,
      at: fireTestCase.at,
    });
    expect(reply.status, reply.message).toBe(200);
    const simulation = reply.data as {
      draft: { ok: boolean };
      published: { number: number; result: { ok: boolean; plan: { priority: string } } };
    };
    expect(simulation.draft.ok).toBe(false);
    expect(simulation.published).toMatchObject({
      number: 2,
      result: { ok: true, plan: { priority: "P1" } },
    });
    expect((await workspace()).current?.number).toBe(2);
  });

  it("discards the draft's edits back to the live version", async () => {
    const reply = await admin.call("mutation", "sop.discardDraft", slug());
    expect(reply.status, reply.message).toBe(200);
    const after = await workspace();
    expect(after.draftDiffers).toBe(false);
    expect(after.draft?.ruleset.name).toBe("SOP dengan nama baru");
  });

  it("shows in the simulator what the draft changes against the live version", async () => {
    await save(await draftWithFireAgency("bpbd"));
    const reply = await admin.call("query", "sop.simulate", {
      ...slug(),
      incident: fireTestCase.incident,
      at: fireTestCase.at,
    });
    const { diff } = reply.data as {
      diff: { same: boolean; agencies: { key: string; change: string }[] };
    };
    expect(diff.same).toBe(false);
    expect(diff.agencies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: "type:bpbd", change: "added" }),
        expect.objectContaining({ key: "type:damkar", change: "removed" }),
      ]),
    );
  });

  it("runs the tenant's test cases before publishing and names the failing one", async () => {
    const created = await admin.call("mutation", "sop.testCases.create", {
      ...slug(),
      testCase: fireTestCase,
    });
    expect(created.status, created.message).toBe(200);
    const refused = await publish("Damkar diganti BPBD");
    expect(refused.published).toBe(false);
    expect(refused.check.tests.map((test) => [test.name, test.result.status])).toEqual([
      [fireTestCase.name, "failed"],
    ]);

    const list = await admin.call("query", "sop.testCases.list", slug());
    const listed = list.data as { name: string; result: { status: string } | null }[];
    expect(listed.map((test) => [test.name, test.result?.status])).toEqual([
      [fireTestCase.name, "failed"],
    ]);

    await save(await draftWithFireAgency("damkar"));
    const passing = await publish("Kembali ke Damkar");
    expect(passing).toMatchObject({ published: true, number: 3 });
    expect(passing.check.tests.map((test) => test.result.status)).toEqual(["passed"]);
  });

  it("checks test cases field by field and keeps names unique", async () => {
    const bad = await admin.call("mutation", "sop.testCases.create", {
      ...slug(),
      testCase: { ...fireTestCase, name: "Lain", incident: { type: "fire", casualties: -1 } },
    });
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.issues?.map((issue) => issue.path)).toMatchObject(["testCase.incident.casualties"]);
    const duplicate = await admin.call("mutation", "sop.testCases.create", {
      ...slug(),
      testCase: fireTestCase,
    });
    expect(duplicate).toMatchObject({
      code: "CONFLICT",
      issues: [{ path: "testCase.name", message: "name is already used by another test case" }],
    });
  });

  it("rolls back by publishing a copy of an older version as the next number", async () => {
    const reply = await admin.call("mutation", "sop.rollback", {
      ...slug(),
      number: 1,
      note: "Nama lama lebih jelas",
    });
    expect(reply.status, reply.message).toBe(200);
    expect(reply.data).toMatchObject({ published: true, number: 4 });
    const versions = (await workspace()).versions;
    expect(versions[0]).toMatchObject({
      number: 4,
      basedOnNumber: 1,
      note: "Nama lama lebih jelas",
    });
    const [one, four] = await Promise.all(
      [1, 4].map((number) => admin.call("query", "sop.version", { ...slug(), number })),
    );
    expect((four?.data as { ruleset: unknown }).ruleset).toEqual(
      (one?.data as { ruleset: unknown }).ruleset,
    );
    expect(
      await admin.call("mutation", "sop.rollback", {
        ...slug(),
        number: 4,
        note: "Sudah versi ini",
      }),
    ).toMatchObject({ code: "BAD_REQUEST" });
    expect(await admin.call("query", "sop.version", { ...slug(), number: 99 })).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps published versions immutable, even to the runtime role writing SQL", async () => {
    const touched = await withTenant(database.app.db, tenant.id, async (tx) => {
      const updated = await tx.execute(
        sql`update sop_versions set ruleset = '{}'::jsonb where status = 'published'`,
      );
      const deleted = await tx.execute(sql`delete from sop_versions where status = 'published'`);
      return updated.count + deleted.count;
    });
    expect(touched).toBe(0);
    const [row] = await owner.sql<
      { published: number }[]
    >`select count(*)::int as published from sop_versions where tenant_id = ${tenant.id} and status = 'published'`;
    expect(row?.published).toBe(4);
  });

  it("audits every edit, publish, rollback and test case change", async () => {
    const rows = await owner.sql<{ action: string; target_id: string; diff: unknown }[]>`
      select action, target_id, diff from audit_log where tenant_id = ${tenant.id} and action like 'sop.%' order by occurred_at`;
    expect(new Set(rows.map((row) => row.action))).toEqual(
      new Set([
        "sop.saveDraft",
        "sop.discardDraft",
        "sop.publish",
        "sop.rollback",
        "sop.testCases.create",
      ]),
    );
    expect(rows.filter((row) => row.action === "sop.publish").map((row) => row.target_id)).toEqual([
      "1",
      "2",
      "3",
    ]);
    expect(rows.find((row) => row.action === "sop.rollback")).toMatchObject({
      target_id: "4",
      diff: { after: { number: 4, restores: 1, note: "Nama lama lebih jelas" } },
    });
  });
});

describe("the demo seed", () => {
  it("gives every launched demo region a valid published SOP in its own time zone, and a draft of it", async () => {
    const rows = await owner.sql<
      { slug: string; time_zone: string; status: string; number: number | null; ruleset: unknown }[]
    >`
      select t.slug, t.time_zone, v.status, v.number, v.ruleset
        from tenants t join sop_versions v on v.tenant_id = t.id
       where t.slug in ('sidoarjo', 'jakarta-pusat', 'denpasar', 'semarang')
       order by t.slug, v.status`;
    expect(rows.map((row) => [row.slug, row.status, row.number])).toEqual(
      ["denpasar", "jakarta-pusat", "semarang", "sidoarjo"].flatMap((slug) => [
        [slug, "draft", null],
        [slug, "published", 1],
      ]),
    );
    for (const row of rows) {
      expect((row.ruleset as { timeZone: string }).timeZone).toBe(row.time_zone);
      expect(validateRuleset(row.ruleset).ok, row.slug).toBe(true);
    }
  });
});

describe("the simulator's plan in the region", () => {
  it("names the lead agency and resolves each line to the region's own active agencies", async () => {
    const region = await createTestTenant(owner);
    try {
      const person = await createTestPerson(owner, {
        memberships: [{ tenantId: region.id, role: "tenant_admin" }],
        signedIn: true,
      });
      people.push(person);
      const regionAdmin = testClient(api.url, { cookie: person.cookie });
      const chosen = await regionAdmin.call("mutation", "onboarding.chooseSop", {
        tenantSlug: region.slug,
        templateCode: "national-default",
      });
      expect(chosen.status, chosen.message).toBe(200);
      const [damkar] = await owner.sql<{ id: string }[]>`
        insert into agencies (tenant_id, agency_type, name) values (${region.id}, 'damkar', 'Damkar Kabupaten') returning id`;
      await owner.sql`insert into agencies (tenant_id, agency_type, name, active) values (${region.id}, 'damkar', 'Damkar lama', false)`;

      const reply = await regionAdmin.call("query", "sop.simulate", {
        tenantSlug: region.slug,
        incident: fireTestCase.incident,
        at: fireTestCase.at,
      });
      expect(reply.status, reply.message).toBe(200);
      const { draft } = reply.data as {
        draft: {
          ok: true;
          plan: {
            lead: { key: string } | null;
            agencies: { key: string; lead: boolean; resolution: unknown }[];
          };
        };
      };
      expect(draft.plan.lead?.key).toBe("type:damkar");
      const [first] = draft.plan.agencies;
      expect(first).toMatchObject({
        key: "type:damkar",
        lead: true,
        resolution: { kind: "agencies", agencies: [{ id: damkar?.id, name: "Damkar Kabupaten" }] },
      });
      expect(draft.plan.agencies.every((agency) => agency.resolution !== undefined)).toBe(true);
    } finally {
      await deleteTestTenants(owner, [region]);
    }
  });
});

describe("SOP isolation between tenants", () => {
  it("shows another tenant none of this tenant's versions or test cases", async () => {
    const other = await createTestTenant(owner);
    try {
      const seen = await withTenant(database.app.db, other.id, async (tx) => {
        const versions = await tx.execute(sql`select count(*)::int as n from sop_versions`);
        const cases = await tx.execute(sql`select count(*)::int as n from sop_test_cases`);
        return [versions[0]?.n, cases[0]?.n];
      });
      expect(seen).toEqual([0, 0]);
    } finally {
      await deleteTestTenants(owner, [other]);
    }
  });
});
