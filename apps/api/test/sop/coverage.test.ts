import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nationalTemplate } from "@sigap/sop-engine";
import { asTenantId, withTenant } from "@sigap/tenancy";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { loadValidationContext } from "../../src/sop/context.ts";
import { checkForPublishing } from "../../src/sop/gate.ts";
import { testClient, type TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import { createTestPerson, deleteTestPeople, type TestPerson } from "../people.ts";

// The coverage matrix as a region meets it: an agency that leads a P1 response and that the region
// lacks blocks publishing until the region registers one or the rule names a fallback.

const { api, database } = useTestApi();
const { owner } = database;
const people: TestPerson[] = [];
let tenant: TestTenant;
let admin: TestClient;

type AgencyAction = {
  agencyType?: string;
  role: string;
  fallback?: { name: string; phone?: string };
};
type Ruleset = { rules: { id: string; then: { agencies?: AgencyAction[] } }[] } & Record<
  string,
  unknown
>;
interface Finding {
  level: string;
  code: string;
  path: string;
  message: string;
}
interface Cell {
  key: string;
  state: string;
  agencies: { id: string }[];
  uncoveredKecamatan: string[] | null;
  fallbacks: { phone?: string }[];
}
interface Coverage {
  uncoveredP1: string[];
  activeAgencies: number;
  rows: { type: string; state: string; agencies: Cell[] }[];
}
interface Check {
  publishable: boolean;
  findings: Finding[];
  coverage: Coverage | null;
}

const slug = () => ({ tenantSlug: tenant.slug });

async function call<T>(
  type: "query" | "mutation",
  path: string,
  input: Record<string, unknown> = {},
): Promise<T> {
  const reply = await admin.call(type, path, { ...slug(), ...input });
  expect(reply.status, `${path}: ${String(reply.message)}`).toBe(200);
  return reply.data as T;
}
const workspace = () =>
  call<{ draft: { ruleset: Ruleset; updatedAt: string; coverage: Coverage | null } }>(
    "query",
    "sop.workspace",
  );
const check = () => call<Check>("query", "sop.check");
async function save(ruleset: Ruleset) {
  const { draft } = await workspace();
  return call<{ findings: Finding[]; coverage: Coverage | null }>("mutation", "sop.saveDraft", {
    ruleset,
    updatedAt: draft.updatedAt,
  });
}
async function publish(note: string) {
  const { draft } = await workspace();
  return call<{ published: boolean; number?: number; check: Check }>("mutation", "sop.publish", {
    note,
    updatedAt: draft.updatedAt,
  });
}

/** The fire row's Damkar cell. */
function fireDamkar(coverage: Coverage | null): Cell | undefined {
  return coverage?.rows
    .find((row) => row.type === "fire")
    ?.agencies.find((cell) => cell.key === "type:damkar");
}

/** The draft with `fire.base` sending Damkar with or without the template's fallback (113). */
async function draftWithFireFallback(fallback: boolean): Promise<Ruleset> {
  const ruleset = structuredClone((await workspace()).draft.ruleset);
  const damkar = ruleset.rules
    .find((rule) => rule.id === "fire.base")
    ?.then.agencies?.find((action) => action.agencyType === "damkar");
  if (!damkar) throw new Error("the national template's fire.base sends no Damkar");
  if (fallback) damkar.fallback = { name: "Pemadam kebakaran (nomor darurat 113)", phone: "113" };
  else delete damkar.fallback;
  return ruleset;
}

beforeAll(async () => {
  tenant = await createTestTenant(owner, "onboarding");
  const person = await createTestPerson(owner, {
    memberships: [{ tenantId: tenant.id, role: "tenant_admin" }],
    signedIn: true,
  });
  people.push(person);
  admin = testClient(api.url, { cookie: person.cookie });
  await call("mutation", "onboarding.chooseSop", { templateCode: "national-default" });
});
afterAll(async () => {
  await deleteTestTenants(owner, [tenant]);
  await deleteTestPeople(owner, people);
});

describe("SOP coverage and publishing", () => {
  it("shows the national template's coverage in a region without agencies: national numbers stand in", async () => {
    const { draft } = await workspace();
    expect(draft.coverage).toMatchObject({ uncoveredP1: [], activeAgencies: 0 });
    expect(fireDamkar(draft.coverage)).toMatchObject({
      state: "fallback",
      agencies: [],
      fallbacks: [{ phone: "113" }],
    });
    const before = await check();
    expect(before.publishable).toBe(true);
    expect(before.findings.filter((finding) => finding.level === "error")).toEqual([]);
  });

  it("refuses to publish while a P1 type's primary agency has neither an agency nor a fallback", async () => {
    const saved = await save(await draftWithFireFallback(false));
    expect(saved.coverage?.uncoveredP1).toEqual(["fire"]);
    expect(saved.findings.filter((finding) => finding.level === "error")).toEqual([
      expect.objectContaining({
        code: "uncovered_agency",
        path: expect.stringMatching(/^\$\.rules\[\d+\]\.then\.agencies\[0\]$/) as unknown,
      }),
    ]);
    const refused = await publish("Damkar tanpa nomor cadangan");
    expect(refused.published).toBe(false);
    expect(refused.check.publishable).toBe(false);
    expect(refused.check.coverage?.uncoveredP1).toEqual(["fire"]);
    expect(fireDamkar(refused.check.coverage)?.state).toBe("uncovered");
  });

  it("publishes once the region registers an active Damkar, and names the kecamatan it leaves out", async () => {
    const districts = await call<{ code: string }[]>("query", "agencies.districts");
    const [first, ...rest] = districts.map((district) => district.code);
    const agency = await call<{ id: string }>("mutation", "agencies.create", {
      agencyType: "damkar",
      name: "Damkar Pos Kota",
      coverageDistrictCodes: [first],
    });
    const covered = await check();
    expect(covered.publishable).toBe(true);
    expect(fireDamkar(covered.coverage)).toMatchObject({
      state: rest.length > 0 ? "partial" : "covered",
      agencies: [{ id: agency.id }],
      uncoveredKecamatan: rest,
    });
    if (rest.length > 0)
      expect(covered.findings).toContainEqual(
        expect.objectContaining({ level: "warning", code: "kecamatan_not_covered" }),
      );
    expect(await publish("Damkar Pos Kota terdaftar")).toMatchObject({
      published: true,
      number: 1,
    });

    // Deactivated, it no longer answers: publishing is refused again until the rule names a fallback.
    await call("mutation", "agencies.update", { agencyId: agency.id, active: false });
    await save(await draftWithFireFallback(false));
    expect((await check()).coverage?.uncoveredP1).toEqual(["fire"]);
    expect((await publish("Tanpa Damkar aktif")).published).toBe(false);
  });

  it("publishes once the rule names a fallback instead", async () => {
    const saved = await save(await draftWithFireFallback(true));
    expect(saved.coverage?.uncoveredP1).toEqual([]);
    expect(fireDamkar(saved.coverage)).toMatchObject({
      state: "fallback",
      fallbacks: [{ phone: "113" }],
    });
    expect(await publish("Damkar dialihkan ke 113 bila tidak ada pos aktif")).toMatchObject({
      published: true,
      number: 2,
    });
  });
});

describe("the demo regions", () => {
  it("can each publish the national template with the agencies the seed gives them", async () => {
    const demo = [
      "sidoarjo",
      "jakarta-pusat",
      "denpasar",
      "makassar",
      "jayapura",
      "gresik",
      "semarang",
    ];
    const tenants = await owner.sql<{ id: string; slug: string; time_zone: string }[]>`
      select id, slug, time_zone::text from tenants where slug in ${owner.sql(demo)} order by slug`;
    expect(tenants.map((row) => row.slug)).toEqual([...demo].sort());
    for (const row of tenants) {
      const region = { id: row.id, timeZone: row.time_zone };
      const context = await withTenant(database.app.db, asTenantId(row.id), (tx) =>
        loadValidationContext(tx, region),
      );
      const check = checkForPublishing(
        { ...nationalTemplate, timeZone: row.time_zone },
        context,
        [],
      );
      expect(
        check.findings.filter((finding) => finding.level === "error"),
        row.slug,
      ).toEqual([]);
      expect(check.coverage?.uncoveredP1, row.slug).toEqual([]);
      expect(check.publishable, row.slug).toBe(true);
    }
  });
});
