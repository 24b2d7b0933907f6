import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asTenantId } from "@sigap/tenancy";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { testClient, type TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import {
  createTestPerson,
  deleteTestPeople,
  uniqueEmail,
  type SignedInTestPerson,
} from "../people.ts";

// Figures are asserted for Aceh (11): no other file takes a tenant there live or into onboarding,
// while national totals move with every file that does so elsewhere.
const province = "11";

const { api, database } = useTestApi();
const { owner } = database;
const tenants: TestTenant[] = [];
let platformAdmin: SignedInTestPerson;
let ministryViewer: SignedInTestPerson;
let ministry: TestClient;
let staff: TestClient;

interface Summary {
  totalRegions: number;
  live: number;
  onboarding: number;
  none: number;
  percentLive: number;
  provinces: number;
  provincesWithLive: number;
}
interface ProvinceRow {
  provinceCode: string;
  provinceName: string;
  regions: number;
  live: number;
  onboarding: number;
  none: number;
  percentLive: number;
}
interface TenantRow {
  slug: string;
  tenantName: string;
  status: string;
  launchedAt: string | null;
}
interface AdoptionPoint {
  month: string;
  launched: number;
  cumulative: number;
}
interface ProvinceDetail {
  provinceCode: string;
  provinceName: string;
  regions: {
    regionCode: string;
    regionName: string;
    status: string | null;
    tenantName: string | null;
    launchedAt: string | null;
  }[];
}
interface PublicAdoption {
  live: number;
  provinces: { code: string; live: number }[];
}

async function query<T>(path: string, input?: unknown): Promise<T> {
  const reply = await ministry.call("query", path, input);
  expect(reply.status, reply.message).toBe(200);
  return reply.data as T;
}

const acehRow = async () =>
  (await query<ProvinceRow[]>("national.provinces")).find((row) => row.provinceCode === province);

beforeAll(async () => {
  platformAdmin = await createTestPerson(owner, { platformRole: "platform_admin", signedIn: true });
  ministryViewer = await createTestPerson(owner, {
    platformRole: "ministry_viewer",
    signedIn: true,
  });
  ministry = testClient(api.url, { cookie: ministryViewer.cookie });
  staff = testClient(api.url, { cookie: platformAdmin.cookie });
});
afterAll(async () => {
  await deleteTestTenants(owner, tenants);
  await deleteTestPeople(owner, [platformAdmin, ministryViewer]);
});

describe("the national adoption view", () => {
  it("covers 514 regions in 38 provinces, and the province rows add up to the summary", async () => {
    const [summary, provinces] = await Promise.all([
      query<Summary>("national.summary"),
      query<ProvinceRow[]>("national.provinces"),
    ]);
    expect(summary.totalRegions).toBe(514);
    expect(summary.provinces).toBe(38);
    expect(provinces).toHaveLength(38);
    expect(provinces.reduce((sum, row) => sum + row.regions, 0)).toBe(514);
    for (const row of provinces) expect(row.live + row.onboarding + row.none).toBe(row.regions);
    // The demo data's live tenants, whatever else runs: Jakarta Pusat (31) and Bali (51).
    expect(provinces.find((row) => row.provinceCode === "51")?.live).toBeGreaterThanOrEqual(1);
    expect(summary.provincesWithLive).toBeGreaterThanOrEqual(3);
  });

  it("moves by one, and the province row changes, when a tenant of the province goes live", async () => {
    const [before, rowBefore, adoptionBefore] = await Promise.all([
      query<Summary>("national.summary", { provinceCode: province }),
      acehRow(),
      query<AdoptionPoint[]>("national.adoptionOverTime", { provinceCode: province }),
    ]);

    const [region] = await owner.sql<{ code: string }[]>`
      select code from regencies where province_code = ${province} and code not in (select region_code from tenants) order by random() limit 1`;
    const slug = `aceh-${Math.random().toString(36).slice(2, 8)}`;
    const created = await staff.call("mutation", "tenants.create", {
      regionCode: region?.code,
      slug,
      adminEmail: uniqueEmail("aceh"),
    });
    expect(created.status, created.message).toBe(200);
    tenants.push({
      id: asTenantId((created.data as { tenantId: string }).tenantId),
      slug,
      regionCode: region?.code ?? "",
    });

    const onboarding = await query<Summary>("national.summary", { provinceCode: province });
    expect(onboarding).toMatchObject({
      live: before.live,
      onboarding: before.onboarding + 1,
      none: before.none - 1,
    });

    const live = await staff.call("mutation", "onboarding.goLive", {
      tenantSlug: slug,
      overrideReason: "Launch ceremony with the governor",
    });
    expect(live.status, live.message).toBe(200);

    const after = await query<Summary>("national.summary", { provinceCode: province });
    expect(after).toMatchObject({
      totalRegions: before.totalRegions,
      live: before.live + 1,
      onboarding: before.onboarding,
      none: before.none - 1,
    });
    const rowAfter = await acehRow();
    expect(rowAfter).toEqual({
      ...rowBefore,
      live: (rowBefore?.live ?? 0) + 1,
      none: (rowBefore?.none ?? 0) - 1,
      percentLive:
        Math.round((((rowBefore?.live ?? 0) + 1) / (rowBefore?.regions ?? 1)) * 1000) / 10,
    });

    const listed = await query<TenantRow[]>("national.tenants", {
      provinceCode: province,
      status: "live",
    });
    const ours = listed.find((row) => row.slug === slug);
    expect(ours).toMatchObject({
      status: "live",
      regionCode: region?.code,
      provinceCode: province,
      provinceName: "Aceh",
    });
    expect(Object.keys(ours ?? {}).sort()).toEqual([
      "launchedAt",
      "provinceCode",
      "provinceName",
      "regionCode",
      "regionName",
      "slug",
      "status",
      "tenantName",
    ]);
    expect(Date.now() - new Date(ours?.launchedAt ?? 0).getTime()).toBeLessThan(60_000);
    expect(
      (
        await query<TenantRow[]>("national.tenants", {
          provinceCode: province,
          status: "onboarding",
        })
      ).map((row) => row.slug),
    ).not.toContain(slug);

    const adoption = await query<AdoptionPoint[]>("national.adoptionOverTime", {
      provinceCode: province,
    });
    const thisMonth = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Asia/Jakarta",
      year: "numeric",
      month: "2-digit",
    }).format(new Date());
    expect(adoption.at(-1)).toEqual({
      month: thisMonth,
      launched:
        (adoptionBefore.at(-1)?.month === thisMonth ? (adoptionBefore.at(-1)?.launched ?? 0) : 0) +
        1,
      cumulative: (adoptionBefore.at(-1)?.cumulative ?? 0) + 1,
    });
  });

  it("draws the adoption curve month by month from the first launch of a region live now", async () => {
    const points = await query<AdoptionPoint[]>("national.adoptionOverTime");
    // The demo data's first launch is Semarang's, November 2021, but Semarang is suspended: the curve
    // starts with Jakarta Pusat, June 2022.
    expect(points[0]).toMatchObject({ month: "2022-06", launched: 1, cumulative: 1 });
    for (const [index, point] of points.entries()) {
      expect(point.cumulative).toBe((points[index - 1]?.cumulative ?? 0) + point.launched);
    }
    const months = points.map((point) => point.month);
    expect(new Set(months).size).toBe(months.length);
    expect(months).toContain("2023-03");
  });

  it("shows the last 12 or 24 months of the curve, with the launches before them in the running total", async () => {
    const [all, last12, last24] = await Promise.all([
      query<AdoptionPoint[]>("national.adoptionOverTime"),
      query<AdoptionPoint[]>("national.adoptionOverTime", { months: 12 }),
      query<AdoptionPoint[]>("national.adoptionOverTime", { months: 24 }),
    ]);
    expect(last12).toHaveLength(12);
    expect(last24).toHaveLength(24);
    // The demo data's first live launch is more than 24 months back, so both ranges are the tail of the whole curve.
    expect(last12).toEqual(all.slice(-12));
    expect(last24).toEqual(all.slice(-24));
    const bad = await ministry.call("query", "national.adoptionOverTime", { months: 0 });
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.issues?.map((issue) => issue.path)).toEqual(["months"]);
  });

  it("lists a province's regions with status and launch date, and answers an unknown province with not found", async () => {
    const aceh = await query<ProvinceDetail>("national.province", { provinceCode: province });
    expect(aceh.provinceName).toBe("Aceh");
    expect(aceh.regions).toHaveLength((await acehRow())?.regions ?? -1);
    expect(aceh.regions.map((region) => region.regionCode)).toEqual(
      aceh.regions.map((region) => region.regionCode).sort(),
    );
    const [tenant] = tenants;
    const ours = aceh.regions.find((region) => region.regionCode === tenant?.regionCode);
    expect(ours?.status).toBe("live");
    expect(ours?.launchedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(
      aceh.regions
        .filter((region) => region.status === null)
        .every((region) => region.launchedAt === null && region.tenantName === null),
    ).toBe(true);
    expect((await ministry.call("query", "national.province", { provinceCode: "99" })).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (await ministry.call("query", "national.province", { provinceCode: "Aceh" })).issues?.map(
        (issue) => issue.path,
      ),
    ).toEqual(["provinceCode"]);
  });
});

describe("one definition of live, in every figure", () => {
  // Live means live now: a region that went live and was suspended since is not live anywhere.
  let suspended: TestTenant;
  let suspendedProvince: string;

  beforeAll(async () => {
    suspended = await createTestTenant(owner, "suspended");
    tenants.push(suspended);
    const [row] = await owner.sql<
      { province_code: string }[]
    >`select province_code from regencies where code = ${suspended.regionCode}`;
    suspendedProvince = row?.province_code ?? "";
  });

  /** Every figure the national view and the public page show, as read through the API. */
  async function readFigures() {
    const [
      summary,
      provinces,
      trend,
      lastYear,
      tenantList,
      liveSummary,
      liveTenants,
      provinceTrend,
      detail,
      publicPage,
      rest,
    ] = await Promise.all([
      query<Summary>("national.summary"),
      query<ProvinceRow[]>("national.provinces"),
      query<AdoptionPoint[]>("national.adoptionOverTime"),
      query<AdoptionPoint[]>("national.adoptionOverTime", { months: 12 }),
      query<TenantRow[]>("national.tenants"),
      query<Summary>("national.summary", { status: "live" }),
      query<TenantRow[]>("national.tenants", { status: "live" }),
      query<AdoptionPoint[]>("national.adoptionOverTime", { provinceCode: suspendedProvince }),
      query<ProvinceDetail>("national.province", { provinceCode: suspendedProvince }),
      query<PublicAdoption>("adoption.national"),
      fetch(`${api.url}/v1/adoption/national`).then(
        async (response) => (await response.json()) as PublicAdoption,
      ),
    ]);
    return {
      summary,
      provinces,
      trend,
      lastYear,
      tenantList,
      liveSummary,
      liveTenants,
      provinceTrend,
      detail,
      publicPage,
      rest,
    };
  }

  /** The tenants as the database holds them: if another file changes one while the figures are read, they are read again. */
  const tenantStates = async () =>
    (
      await owner.sql<
        { state: string }[]
      >`select string_agg(id::text || status::text || coalesce(launched_at::text, ''), ',' order by id) as state from tenants`
    )[0]?.state;

  async function consistentFigures() {
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = await tenantStates();
      const figures = await readFigures();
      if ((await tenantStates()) === before) return figures;
    }
    throw new Error("other test files kept changing tenants while the figures were read");
  }

  it("agrees between the headline, the province table, the trend, the tenant list, a province's regions and the public page", async () => {
    const figures = await consistentFigures();
    const { summary, provinces } = figures;
    const sum = (pick: (row: ProvinceRow) => number) =>
      provinces.reduce((total, row) => total + pick(row), 0);
    const live = summary.live;

    expect(sum((row) => row.live)).toBe(live);
    expect(sum((row) => row.onboarding)).toBe(summary.onboarding);
    expect(sum((row) => row.none)).toBe(summary.none);
    expect(summary.live + summary.onboarding + summary.none).toBe(summary.totalRegions);
    expect(figures.trend.at(-1)?.cumulative).toBe(live);
    expect(Math.max(...figures.trend.map((point) => point.cumulative))).toBe(live);
    expect(figures.lastYear.at(-1)?.cumulative).toBe(live);
    expect(figures.tenantList.filter((tenant) => tenant.status === "live")).toHaveLength(live);
    expect(figures.liveSummary.live).toBe(live);
    expect(figures.liveTenants).toHaveLength(live);
    expect(figures.publicPage.live).toBe(live);
    expect(figures.rest.live).toBe(live);
    for (const row of provinces) {
      expect(
        figures.publicPage.provinces.find((publicRow) => publicRow.code === row.provinceCode)?.live,
        row.provinceName,
      ).toBe(row.live);
    }

    const provinceRow = provinces.find((row) => row.provinceCode === suspendedProvince);
    const detailLive = figures.detail.regions.filter((region) => region.status === "live").length;
    expect(detailLive).toBe(provinceRow?.live);
    expect(figures.detail.regions).toHaveLength(provinceRow?.regions ?? -1);
    expect(figures.provinceTrend.at(-1)?.cumulative ?? 0).toBe(provinceRow?.live);
  });

  it("lists the suspended region with its launch, and counts it as live nowhere", async () => {
    const figures = await consistentFigures();
    const listed = figures.tenantList.find((tenant) => tenant.slug === suspended.slug);
    expect(listed?.status).toBe("suspended");
    expect(listed?.launchedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(
      figures.detail.regions.find((region) => region.regionCode === suspended.regionCode),
    ).toMatchObject({
      status: "suspended",
      launchedAt: listed?.launchedAt,
    });
    expect(figures.liveTenants.map((tenant) => tenant.slug)).not.toContain(suspended.slug);
    // Suspended regions, the demo's Semarang among them, have launches but no live region: no curve.
    expect(
      await query<AdoptionPoint[]>("national.adoptionOverTime", { status: "suspended" }),
    ).toEqual([]);
  });
});

describe("CSV exports", () => {
  const exportCsv = (input: unknown) =>
    query<{ filename: string; csv: string }>("national.exportCsv", input);
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Jakarta" }).format(new Date());

  it("exports the province table, one row per province", async () => {
    const { filename, csv } = await exportCsv({ table: "provinces" });
    expect(filename).toBe(`national-provinces-${today}.csv`);
    expect(
      csv.startsWith(
        "\uFEFFprovince_code,province_name,regions,live,onboarding,none,percent_live\r\n",
      ),
    ).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(39);
    const row = await acehRow();
    expect(lines).toContain(
      [
        province,
        "Aceh",
        row?.regions,
        row?.live,
        row?.onboarding,
        row?.none,
        row?.percentLive.toFixed(1),
      ]
        .map(String)
        .join(","),
    );
  });

  it("exports the filtered tenant list, with names a spreadsheet cannot run as formulas", async () => {
    const [tenant] = tenants;
    if (!tenant) throw new Error("the go-live test creates the tenant");
    const renamed = await staff.call("mutation", "branding.update", {
      tenantSlug: tenant.slug,
      displayName: '=HYPERLINK("http://x","112")',
    });
    expect(renamed.status, renamed.message).toBe(200);
    const { filename, csv } = await exportCsv({
      table: "tenants",
      filters: { provinceCode: province, status: "live" },
    });
    expect(filename).toBe(`national-tenants-province-11-live-${today}.csv`);
    const [header, ...rows] = csv.slice(1).trimEnd().split("\r\n");
    expect(header).toBe(
      "slug,tenant_name,region_code,region_name,province_code,province_name,status,launched_at",
    );
    const ours = rows.find((line) => line.startsWith(`${tenant.slug},`));
    expect(ours).toContain(`"'=HYPERLINK(""http://x"",""112"")"`);
    expect(ours).toMatch(/,11,Aceh,live,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(rows.every((line) => line.includes(",live,"))).toBe(true);
  });

  it("exports the adoption curve", async () => {
    const { csv } = await exportCsv({ table: "adoption" });
    const [header, first] = csv.slice(1).split("\r\n");
    expect(header).toBe("month,launched,cumulative_live");
    expect(first).toBe("2022-06,1,1");
  });

  it("names a bad table or filter", async () => {
    const reply = await ministry.call("query", "national.exportCsv", {
      table: "people",
      filters: { status: "gone" },
    });
    expect(reply.code).toBe("BAD_REQUEST");
    expect(reply.issues?.map((issue) => issue.path).sort()).toEqual(["filters.status", "table"]);
  });
});
