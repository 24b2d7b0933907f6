import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { testClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import { createTestPerson, deleteTestPeople, type SignedInTestPerson } from "../people.ts";
import { allProcedures } from "./procedures.ts";

// Text Postgres cannot store (NUL) or that has no UTF-8 form (a lone surrogate), and absurdly deep
// nesting, are bad input in every procedure and route, refused before any handler runs, naming the
// field. A procedure added later is walked too.

const { api, database } = useTestApi();
let tenant: TestTenant;
let admin: SignedInTestPerson;

beforeAll(async () => {
  tenant = await createTestTenant(database.owner);
  admin = await createTestPerson(database.owner, {
    memberships: [{ tenantId: tenant.id, role: "tenant_admin" }],
    signedIn: true,
  });
});
afterAll(async () => {
  await deleteTestPeople(database.owner, [admin]);
  await deleteTestTenants(database.owner, [tenant]);
});

const unstorable = { nul: "ab\u0000c", "lone surrogate": "ab\ud800c" };

describe.each(Object.entries(unstorable))("text with a %s", (_kind, text) => {
  it.each(allProcedures())("$path answers 400 naming the field, to anyone", async (procedure) => {
    const reply = await testClient(api.url).call(procedure.type, procedure.path, {
      tenantSlug: "x",
      query: text,
    });
    expect(reply.status).toBe(400);
    expect(reply.issues).toMatchObject([
      {
        path: "query",
        message: "query must not contain a NUL character or an unpaired UTF-16 surrogate",
      },
    ]);
  });

  it("is found however deep it sits, in a key as well as a value", async () => {
    const client = testClient(api.url, { cookie: admin.cookie });
    const nested = await client.call("mutation", "sop.saveDraft", {
      tenantSlug: tenant.slug,
      ruleset: { rules: [{ id: "r", name: text }] },
      updatedAt: null,
    });
    expect(nested.status).toBe(400);
    expect(nested.issues?.map((issue) => issue.path)).toMatchObject(["ruleset.rules.0.name"]);
    const key = await client.call("mutation", "sop.saveDraft", {
      tenantSlug: tenant.slug,
      ruleset: { [text]: 1 },
      updatedAt: null,
    });
    expect(key.status).toBe(400);
    expect(key.issues?.map((issue) => issue.path)).toMatchObject(["ruleset"]);
  });
});

// A URL cannot carry a lone surrogate (its UTF-8 bytes are invalid and decode to U+FFFD), but NUL it can.
describe("REST input with a NUL", () => {
  it("answers 400 naming the query parameter or path parameter", async () => {
    for (const [path, field] of [
      ["/v1/regions?query=ab%00c", "query"],
      ["/v1/regions?query=sid&query=ab%00c", "query.1"],
      ["/v1/tenants/ab%00c/logo", "slug"],
    ] as const) {
      const response = await fetch(`${api.url}${path}`);
      const body = (await response.json()) as {
        error: { code: string; issues?: { path: string }[] };
      };
      expect({
        path,
        status: response.status,
        code: body.error.code,
        issues: body.error.issues?.map((issue) => issue.path),
      }).toMatchObject({
        path,
        status: 400,
        code: "BAD_REQUEST",
        issues: [field],
      });
    }
  });
});

describe("deeply nested input", () => {
  const nested = (levels: number) =>
    JSON.parse(`${'{"isi":'.repeat(levels)}"dasar"${"}".repeat(levels)}`) as unknown;

  it("is refused naming its top-level field, so an SOP draft nested 2,000 levels deep is never stored", async () => {
    const client = testClient(api.url, { cookie: admin.cookie });
    const reply = await client.call("mutation", "sop.saveDraft", {
      tenantSlug: tenant.slug,
      ruleset: { name: "x", rules: [], deep: nested(2000) },
      updatedAt: null,
    });
    expect(reply.status).toBe(400);
    expect(reply.issues).toMatchObject([
      { path: "ruleset", message: "ruleset is nested more than 32 levels deep" },
    ]);
    const [stored] = await database.owner.sql<
      { count: number }[]
    >`select count(*)::int as count from sop_versions where tenant_id = ${tenant.id}`;
    expect(stored?.count).toBe(0);
  });

  it("is refused in free JSON of any procedure, e.g. the simulator's incident", async () => {
    const client = testClient(api.url, { cookie: admin.cookie });
    const reply = await client.call("query", "sop.simulate", {
      tenantSlug: tenant.slug,
      incident: nested(40),
      at: "2026-11-23T10:00:00+07:00",
    });
    expect(reply.status).toBe(400);
    expect(reply.issues?.map((issue) => issue.path)).toMatchObject(["incident"]);
  });

  it("up to the bound passes on to the procedure's own validation", async () => {
    const client = testClient(api.url, { cookie: admin.cookie });
    const reply = await client.call("query", "sop.simulate", {
      tenantSlug: tenant.slug,
      incident: nested(20),
      at: "2026-11-23T10:00:00+07:00",
    });
    expect(reply.status).toBe(200);
  });
});
