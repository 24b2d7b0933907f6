import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndToEnd } from "@sigap/dev/e2e";
import {
  connectTestDatabase,
  createTestTenant,
  deleteTestTenants,
  type TestTenant,
} from "@sigap/tenancy/testing";
import { deleteUsers, signedInCookie, uniqueEmail } from "./people.ts";
import { openPage } from "./navigation.ts";

const database = connectTestDatabase();
let e2e: Awaited<ReturnType<typeof startEndToEnd>>;
let ministry: Page;
let admin: Page;
const emails: string[] = [];
const createdSlugs: string[] = [];
const testTenants: TestTenant[] = [];

/** Someone with a platform role and a session that has passed its second factor, in a browser of their own. */
async function platformPerson(
  browser: Browser,
  role: "platform_admin" | "ministry_viewer",
): Promise<Page> {
  const email = uniqueEmail(role.replace("_", "-"));
  emails.push(email);
  const [user] = await database.owner.sql<{ id: string }[]>`
    insert into users (email, display_name, platform_role) values (${email}, ${`E2E ${role}`}, ${role}) returning id`;
  if (!user) throw new Error(`could not create a ${role}`);
  const [name = "", value = ""] = (await signedInCookie(database.owner, user.id)).split("=");
  const context = await browser.newContext({ baseURL: e2e.portalUrl });
  await context.addCookies([{ name, value, url: e2e.portalUrl }]);
  return context.newPage();
}

beforeAll(async () => {
  e2e = await startEndToEnd();
  [ministry, admin] = await Promise.all([
    platformPerson(e2e.browser, "ministry_viewer"),
    platformPerson(e2e.browser, "platform_admin"),
  ]);
});

afterAll(async () => {
  await e2e.stop();
  if (createdSlugs.length > 0)
    await database.owner.sql`delete from tenants where slug = any(${createdSlugs})`;
  await deleteTestTenants(database.owner, testTenants);
  await deleteUsers(database.owner, emails);
  await database.close();
});

describe("the national adoption view", () => {
  it("shows a ministry viewer the live count the database holds, and the 38 provinces", async () => {
    await openPage(ministry, "/national");
    const [row] = await database.owner.sql<
      { live: number }[]
    >`select count(*)::int as live from tenants where status = 'live'`;
    expect(Number(await ministry.getByTestId("national-live-count").textContent())).toBe(row?.live);
    expect(await ministry.getByTestId("national-province-row").count()).toBe(38);
    expect(await ministry.getByTestId("national-link").getAttribute("aria-current")).toBe("page");
    // Tenant administration is not theirs: no header link, and the page does not exist for them.
    expect(await ministry.getByTestId("platform-tenants-link").count()).toBe(0);
    expect((await ministry.goto("/platform/tenants/new"))?.status()).toBe(404);
  });
});

describe("the national view's table, map, trend and drill-down", () => {
  const provinceTable = () => ministry.getByTestId("national-provinces");
  const liveCells = () => ministry.getByTestId("national-province-row").locator("td:nth-child(3)");
  const numbers = async (cells: ReturnType<typeof liveCells>) =>
    (await cells.allTextContents()).map(Number);

  it("sorts the province table from the keyboard, saying which way", async () => {
    await openPage(ministry, "/national");
    const header = provinceTable().getByRole("columnheader", { name: "Live", exact: true });
    expect(await header.getAttribute("aria-sort")).toBeNull();
    await header.getByRole("button").focus();
    await ministry.keyboard.press("Enter");
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
    const descending = await numbers(liveCells());
    expect(descending).toEqual(descending.toSorted((a, b) => b - a));
    expect(descending[0]).toBeGreaterThan(0);
    await ministry.keyboard.press("Enter");
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("ascending");
    expect(await numbers(liveCells())).toEqual(descending.toSorted((a, b) => a - b));
  });

  it("draws all 38 provinces on the map, each a named link coloured by its share of live regions", async () => {
    await openPage(ministry, "/national");
    const shapes = ministry.getByTestId("province-shape");
    expect(await shapes.count()).toBe(38);
    const names = await shapes.evaluateAll((links) =>
      links.map((link) => link.getAttribute("aria-label") ?? ""),
    );
    expect(names.every((name) => /^.+: \d+ dari \d+ kabupaten\/kota live/.test(name))).toBe(true);
    // Papua Barat Daya (96) split from Papua Barat in 2022: it has a shape of its own.
    expect(
      await ministry.locator('[data-testid="province-shape"][data-province="96"]').count(),
    ).toBe(1);
    // Denpasar is live in the demo data, so Bali is coloured; a province with none live is grey (band 0).
    const bali = ministry.getByRole("link", { name: /^Bali: / });
    expect(Number(await bali.getAttribute("data-band"))).toBeGreaterThan(0);
    await bali.click();
    await ministry.waitForURL("**/national/provinces/51");
    await ministry.getByRole("heading", { level: 1, name: "Bali" }).waitFor();
  });

  it("drills down from a province to its regions, with status and launch date, a suspended one included", async () => {
    const suspended = await createTestTenant(database.owner, "suspended");
    testTenants.push(suspended);
    const [region] = await database.owner.sql<
      { province_code: string; name: string; regions: number }[]
    >`
      select r.province_code, p.name, (select count(*)::int from regencies where province_code = r.province_code) as regions
        from regencies r join provinces p on p.code = r.province_code where r.code = ${suspended.regionCode}`;
    await openPage(ministry, "/national");
    const row = ministry
      .getByTestId("national-province-row")
      .filter({ has: ministry.getByRole("rowheader", { name: region?.name ?? "?", exact: true }) });
    const provinceLive = Number(await row.locator("td:nth-child(3)").textContent());
    await row.getByRole("link").click();
    await ministry.waitForURL(`**/national/provinces/${region?.province_code ?? "?"}`);

    const rows = ministry.getByTestId("province-region-row");
    await expect.poll(() => rows.count()).toBe(region?.regions);
    expect(
      await ministry.locator('[data-testid="province-region-row"][data-status="live"]').count(),
    ).toBe(provinceLive);
    expect(await ministry.getByTestId("province-summary").textContent()).toContain(
      `${String(provinceLive)} dari ${String(region?.regions)}`,
    );
    const ours = rows.filter({
      has: ministry.getByRole("cell", { name: suspended.regionCode, exact: true }),
    });
    expect(await ours.getByText("Ditangguhkan").count()).toBe(1);
    expect(await ours.locator("time").count()).toBe(1);
    await ministry.getByTestId("province-back").click();
    await ministry.waitForURL("**/national");
  });

  it("limits the trend to a range kept in the URL, its last point agreeing with the headline", async () => {
    await openPage(ministry, "/national");
    await ministry.getByLabel("Rentang tren").selectOption("12");
    await ministry.getByTestId("trend-range-apply").click();
    await ministry.waitForURL("**/national?months=12");
    const points = ministry.getByTestId("adoption-data").locator("tbody tr");
    await expect.poll(() => points.count()).toBe(12);
    const lastCumulative = await points.last().locator("td").last().textContent();
    expect(lastCumulative).toBe(await ministry.getByTestId("national-live-count").textContent());
    // The filters keep the range, and the range form keeps the filters.
    await ministry.getByLabel("Status tenant").selectOption("live");
    await ministry.getByTestId("national-filters-apply").click();
    await ministry.waitForURL(/\/national\?(?=.*months=12)(?=.*status=live)/);
    expect(await ministry.getByLabel("Rentang tren").inputValue()).toBe("12");
  });
});

describe("creating a tenant", () => {
  it("lets a platform admin pick a free region by keyboard, invite its first admin, and see the region taken afterwards", async () => {
    const [region] = await database.owner.sql<{ code: string }[]>`
      select code from regencies where code not in (select region_code from tenants) order by random() limit 1`;
    if (!region) throw new Error("no free region left");
    const slug = `e2e-${randomUUID().slice(0, 8)}`;
    const adminEmail = uniqueEmail("first-admin");
    createdSlugs.push(slug);

    await openPage(admin, "/platform/tenants");
    await admin.getByTestId("create-tenant-open").click();
    await admin.waitForURL("**/platform/tenants/new");
    const search = admin.getByTestId("region-search");
    await search.fill(region.code);
    await expect.poll(() => admin.getByTestId("region-option").count()).toBe(1);
    await search.press("ArrowDown");
    await search.press("Enter");
    // The slug is suggested from the region's name; this test replaces it with a unique one.
    await expect
      .poll(() => admin.getByTestId("slug").inputValue())
      .toMatch(/^(kab|kota)-[a-z0-9-]+$/);
    await admin.getByTestId("slug").fill(slug);
    await admin.getByTestId("admin-email").fill(adminEmail);
    await admin.getByTestId("create-tenant-submit").click();
    await admin.getByTestId("tenant-created").waitFor();
    expect(await admin.getByTestId("dev-outbox-link").count()).toBe(1);

    const [tenant] = await database.owner.sql<{ status: string; region_code: string }[]>`
      select status, region_code from tenants where slug = ${slug}`;
    expect(tenant).toEqual({ status: "onboarding", region_code: region.code });
    const [mail] = await database.owner.sql<
      { count: number }[]
    >`select count(*)::int as count from mail_outbox where "to" = ${adminEmail}`;
    expect(mail?.count).toBe(1);

    await admin.getByRole("button", { name: "Buat tenant lain" }).click();
    await admin.getByTestId("region-search").fill(region.code);
    const taken = admin.getByTestId("region-option");
    await expect.poll(() => taken.getAttribute("data-taken")).toBe("true");
    await admin.getByTestId("region-search").press("ArrowDown");
    await admin.getByTestId("region-search").press("Enter");
    expect(await admin.getByTestId("region-chosen").count()).toBe(0);
  });
});
