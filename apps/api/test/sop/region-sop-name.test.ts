import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { regionSopName } from "../../src/sop/region-sop-name.ts";
import { testClient, type TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import { createTestPerson, deleteTestPeople, type TestPerson } from "../people.ts";

const { api, database } = useTestApi();
const { owner } = database;
const people: TestPerson[] = [];
let tenant: TestTenant;
let admin: TestClient;

beforeAll(async () => {
  tenant = await createTestTenant(owner);
  // Regions often rename themselves after the service, as the demo regions are named.
  await owner.sql`update tenants set display_name = 'Call Center 112 Kota Uji Coba' where id = ${tenant.id}`;
  const adminPerson = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role: "tenant_admin" }],
    signedIn: true,
  });
  people.push(adminPerson);
  admin = testClient(api.url, { cookie: adminPerson.cookie });
});
afterAll(async () => {
  await deleteTestTenants(owner, [tenant]);
  await deleteTestPeople(owner, people);
});

describe("the name of a region's SOP", () => {
  it("names the service once, whether or not the tenant's name already does", () => {
    expect(regionSopName("Kabupaten Sidoarjo")).toBe("SOP Call Center 112 Kabupaten Sidoarjo");
    expect(regionSopName("Call Center 112 Kabupaten Sidoarjo")).toBe(
      "SOP Call Center 112 Kabupaten Sidoarjo",
    );
    expect(regionSopName("  call center 112  Kota Denpasar ")).toBe(
      "SOP Call Center 112 Kota Denpasar",
    );
  });

  it("is the name of the first draft copied from the template", async () => {
    const chosen = await admin.call("mutation", "onboarding.chooseSop", {
      tenantSlug: tenant.slug,
      templateCode: "national-default",
    });
    expect(chosen.status, chosen.message).toBe(200);
    const workspace = await admin.call("query", "sop.workspace", { tenantSlug: tenant.slug });
    expect(workspace.status, workspace.message).toBe(200);
    expect((workspace.data as { draft: { ruleset: { name: string } } }).draft.ruleset.name).toBe(
      "SOP Call Center 112 Kota Uji Coba",
    );
  });
});
