import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndToEnd } from "@sigap/dev/e2e";
import {
  connectTestDatabase,
  createTestTenant,
  deleteTestTenants,
  type TestTenant,
} from "@sigap/tenancy/testing";
import { openPage } from "./navigation.ts";

const database = connectTestDatabase();
let e2e: Awaited<ReturnType<typeof startEndToEnd>>;
let page: Page;
const created: TestTenant[] = [];

beforeAll(async () => {
  e2e = await startEndToEnd();
  page = await e2e.browser.newPage();
});

afterAll(async () => {
  await e2e.stop();
  await deleteTestTenants(database.owner, created);
  await database.close();
});

async function liveTenantsInDatabase(): Promise<number> {
  const [row] = await database.owner.sql<
    { live: number }[]
  >`select count(*)::int as live from tenants where status = 'live'`;
  return row?.live ?? Number.NaN;
}

async function shownLiveCount(): Promise<number> {
  return Number(await page.getByTestId("live-count").textContent());
}

describe("the national adoption page", () => {
  it("shows the number of live tenants in the database, in Indonesian", async () => {
    await openPage(page, e2e.portalUrl);
    expect(await shownLiveCount()).toBe(await liveTenantsInDatabase());
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("id");
    expect(await page.getByRole("heading", { level: 2 }).first().textContent()).toMatch(
      /dari 514 kabupaten\/kota/,
    );
    await expect.poll(() => page.getByTestId("province-row").count()).toBe(38);
  });

  it("counts a region the moment it goes live, in its province's row too", async () => {
    const tenant = await createTestTenant(database.owner, "prospect");
    created.push(tenant);
    const [province] = await database.owner.sql<{ name: string }[]>`
      select p.name from provinces p join regencies r on r.province_code = p.code where r.code = ${tenant.regionCode}`;
    // Names nest ("Papua", "Papua Barat"), so match the row header exactly.
    const row = page
      .getByTestId("province-row")
      .filter({ has: page.getByRole("rowheader", { name: province?.name ?? "?", exact: true }) });
    const liveCell = row.getByRole("cell").nth(2);

    await page.reload();
    const before = {
      total: await shownLiveCount(),
      province: Number(await liveCell.textContent()),
    };
    await database.owner
      .sql`update tenants set status = 'live', launched_at = now() where id = ${tenant.id}`;
    await page.reload();

    expect(await shownLiveCount()).toBe(before.total + 1);
    expect(await shownLiveCount()).toBe(await liveTenantsInDatabase());
    expect(Number(await liveCell.textContent())).toBe(before.province + 1);
  });

  it("sorts the province table by a column header, which says the order", async () => {
    await openPage(page, e2e.portalUrl);
    const header = page.getByRole("columnheader", { name: "Live", exact: true });
    await header.getByRole("button").click();
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
    const live = (
      await page.getByTestId("province-row").locator("td:nth-child(4)").allTextContents()
    ).map(Number);
    expect(live).toEqual(live.toSorted((a, b) => b - a));
    expect(live[0]).toBeGreaterThan(0);
  });

  it("switches to English and back, keeping the figure", async () => {
    await openPage(page, e2e.portalUrl);
    const live = await shownLiveCount();
    await page.getByTestId("locale-switch").click();
    await page.waitForURL(`${e2e.portalUrl}/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expect
      .poll(() => page.getByText(/of 514 regencies and cities run the 112 service/).count())
      .toBe(1);
    expect(await shownLiveCount()).toBe(live);
    await page.getByTestId("locale-switch").click();
    await page.waitForURL(`${e2e.portalUrl}/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("id");
  });

  it("reaches the API through the portal's own origin", async () => {
    const response = await page.request.get(`${e2e.portalUrl}/trpc/adoption.national`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { result: { data: { live: number } } };
    expect(body.result.data.live).toBe(await liveTenantsInDatabase());
  });
});
