import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  can,
  membershipRoles,
  platformRoles,
  type MembershipRole,
  type PlatformRole,
} from "@sigap/tenancy";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { testClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import { createTestPerson, deleteTestPeople, type SignedInTestPerson } from "../people.ts";
import { allProcedures } from "./procedures.ts";

// Walks the whole tRPC router. For every procedure, by its access metadata: anonymous callers get
// UNAUTHORIZED, callers whose role the permission matrix refuses get FORBIDDEN, and callers naming
// a tenant they do not belong to get NOT_FOUND. A procedure added later is walked too.

const { api, database } = useTestApi();
let home: TestTenant;
let elsewhere: TestTenant;
const members = new Map<MembershipRole, SignedInTestPerson>();
const staff = new Map<PlatformRole | "none", SignedInTestPerson>();

beforeAll(async () => {
  home = await createTestTenant(database.owner);
  elsewhere = await createTestTenant(database.owner);
  for (const role of membershipRoles) {
    members.set(
      role,
      await createTestPerson(database.owner, {
        memberships: [{ tenantId: home.id, role }],
        signedIn: true,
      }),
    );
  }
  for (const role of platformRoles)
    staff.set(role, await createTestPerson(database.owner, { platformRole: role, signedIn: true }));
  staff.set("none", await createTestPerson(database.owner, { signedIn: true }));
});

afterAll(async () => {
  await deleteTestPeople(database.owner, [...members.values(), ...staff.values()]);
  await deleteTestTenants(database.owner, [home, elsewhere]);
});

const procedures = allProcedures();
const call = (procedure: (typeof procedures)[number], input: unknown, cookie?: string) =>
  testClient(api.url, { cookie }).call(procedure.type, procedure.path, input);

describe("every procedure is walked", () => {
  it("finds the router's procedures, each with access metadata", () => {
    expect(procedures.length).toBeGreaterThan(3);
  });
});

describe.each(procedures.filter((p) => p.meta.access !== "public"))(
  "$path ($meta.access)",
  (procedure) => {
    const tenantInput = () => ({ tenantSlug: home.slug });

    it("refuses anonymous callers with UNAUTHORIZED", async () => {
      const result = await call(
        procedure,
        procedure.meta.access === "tenant" ? tenantInput() : undefined,
      );
      expect(result.code).toBe("UNAUTHORIZED");
      expect(result.status).toBe(401);
    });

    if (procedure.meta.access === "tenant") {
      const action = procedure.meta.action;
      if (!action) throw new Error(`${procedure.path} is a tenant procedure without an action`);
      const refused = membershipRoles.filter((role) => !can(role, action));
      const allowed = membershipRoles.filter((role) => can(role, action));

      it.each(refused)("refuses a %s of the tenant with FORBIDDEN", async (role) => {
        const result = await call(procedure, tenantInput(), members.get(role)?.cookie);
        expect(result.code).toBe("FORBIDDEN");
      });

      it.each(allowed)("answers NOT_FOUND to a %s naming another tenant", async (role) => {
        const result = await call(
          procedure,
          { tenantSlug: elsewhere.slug },
          members.get(role)?.cookie,
        );
        expect(result.code).toBe("NOT_FOUND");
      });

      it("answers NOT_FOUND for a tenant that does not exist, exactly as for one that does", async () => {
        const role = allowed[0] ?? "tenant_admin";
        const missing = await call(
          procedure,
          { tenantSlug: "no-such-region" },
          members.get(role)?.cookie,
        );
        const foreign = await call(
          procedure,
          { tenantSlug: elsewhere.slug },
          members.get(role)?.cookie,
        );
        expect({ code: missing.code, message: missing.error?.message }).toEqual({
          code: foreign.code,
          message: foreign.error?.message,
        });
      });
    }

    if (procedure.meta.access === "platform" || procedure.meta.access === "ministry") {
      const action = procedure.meta.action;
      if (!action)
        throw new Error(
          `${procedure.path} is a ${procedure.meta.access} procedure without an action`,
        );
      const refused = [...platformRoles.filter((role) => !can(role, action)), "none" as const];

      it.each(refused)("refuses platform role %s with FORBIDDEN", async (role) => {
        const result = await call(procedure, undefined, staff.get(role)?.cookie);
        expect(result.code).toBe("FORBIDDEN");
      });

      it.each(membershipRoles)("refuses a tenant %s with FORBIDDEN", async (role) => {
        const result = await call(procedure, undefined, members.get(role)?.cookie);
        expect(result.code).toBe("FORBIDDEN");
      });
    }
  },
);

describe("REST routes", () => {
  // Every /v1 operation either requires credentials or is listed here as public on purpose.
  const publicOperations = [
    "GET /adoption/national",
    "GET /regions",
    // Tenant logos appear in emails, whose mail clients send no credentials; a logo is no secret.
    "GET /tenants/{slug}/logo",
  ];

  it("are all either public on purpose or closed to anonymous callers", async () => {
    const document = (await (await fetch(`${api.url}/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const operation of operations.filter((op) => !publicOperations.includes(op))) {
      const [method = "GET", path = "/"] = operation.split(" ");
      const response = await fetch(`${api.url}/v1${path}`, {
        method,
        headers: { origin: api.url },
      });
      expect({ operation, status: response.status }).toEqual({ operation, status: 401 });
    }
    expect(operations).toEqual(expect.arrayContaining(publicOperations));
  });
});
