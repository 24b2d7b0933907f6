import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndToEnd } from "@sigap/dev/e2e";
import {
  connectTestDatabase,
  createTestTenant,
  deleteTestTenants,
  type TestTenant,
} from "@sigap/tenancy/testing";
import { createMember, createPlatformPerson, deleteUsers, signedInContext } from "./people.ts";
import { openPage } from "./navigation.ts";

const database = connectTestDatabase();
let e2e: Awaited<ReturnType<typeof startEndToEnd>>;
let page: Page;
let first: TestTenant;
let second: TestTenant;
let elsewhere: TestTenant;
/** Three tenants only this file names (`Uji <marker> Alfa/Beta/Gamma`), for the platform's list. */
let listed: TestTenant[];
const marker = `Daftar ${Math.random().toString(36).slice(2, 8)}`;
let person: Awaited<ReturnType<typeof createMember>>;
let platformAdmin: Awaited<ReturnType<typeof createPlatformPerson>>;

beforeAll(async () => {
  e2e = await startEndToEnd();
  page = await (await e2e.browser.newContext({ baseURL: e2e.portalUrl })).newPage();
  [first, second, elsewhere] = await Promise.all([
    createTestTenant(database.owner),
    createTestTenant(database.owner),
    createTestTenant(database.owner),
  ]);
  // Operator in one region, supervisor in another: neither role requires a second factor.
  person = await createMember(database.owner, first.id, "operator", "Dewi Operator");
  await database.owner
    .sql`insert into memberships (tenant_id, user_id, role) values (${second.id}, ${person.id}, 'supervisor')`;
  platformAdmin = await createPlatformPerson(database.owner, "platform_admin");
  listed = await Promise.all([
    createTestTenant(database.owner, "onboarding"),
    createTestTenant(database.owner, "live"),
    createTestTenant(database.owner, "live"),
  ]);
  for (const [index, tenant] of listed.entries()) {
    await database.owner
      .sql`update tenants set display_name = ${`Uji ${marker} ${["Alfa", "Beta", "Gamma"][index] ?? ""}`} where id = ${tenant.id}`;
  }
});

afterAll(async () => {
  await e2e.stop();
  await deleteTestTenants(database.owner, [first, second, elsewhere, ...listed]);
  await deleteUsers(database.owner, [person.email, platformAdmin.email]);
  await database.close();
});

async function tenantName(tenant: TestTenant): Promise<string> {
  const [row] = await database.owner.sql<
    { display_name: string }[]
  >`select display_name from tenants where id = ${tenant.id}`;
  return row?.display_name ?? "?";
}

describe("working in several regions", () => {
  it("signs in and switches between the person's regions with the header's switcher", async () => {
    await openPage(page, "/sign-in");
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Kata sandi").fill(person.password);
    await page.getByTestId("sign-in-submit").click();
    await page.getByTestId("signed-in-as").waitFor();

    const switcher = page.getByTestId("tenant-switcher");
    await switcher.locator("summary").click();
    await expect.poll(() => switcher.getByTestId("tenant-option").count()).toBe(2);
    await switcher
      .getByTestId("tenant-option")
      .filter({ hasText: await tenantName(first) })
      .click();
    await page.waitForURL(`**/t/${first.slug}`);
    expect(await page.getByTestId("current-tenant").textContent()).toBe(await tenantName(first));
    expect(await page.getByTestId("your-role").textContent()).toContain("Operator");

    // By keyboard: open the disclosure, Tab to the other region, follow it.
    await switcher.locator("summary").focus();
    await page.keyboard.press("Enter");
    const other = switcher
      .getByTestId("tenant-option")
      .filter({ hasText: await tenantName(second) });
    await other.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/t/${second.slug}`);
    expect(await page.getByTestId("current-tenant").textContent()).toBe(await tenantName(second));
    expect(await page.getByTestId("your-role").textContent()).toContain("Supervisor");
    expect(await switcher.getAttribute("open")).toBeNull();
  });

  it("answers a region the person does not belong to with the plain Indonesian 404", async () => {
    const response = await page.goto(`/t/${elsewhere.slug}`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByText("Halaman tidak ditemukan.").count()).toBe(1);
    expect(await page.content()).not.toContain(await tenantName(elsewhere));
    // An unknown slug looks exactly the same: the URL confirms nothing.
    const unknown = await page.goto("/t/no-such-region");
    expect(unknown?.status()).toBe(404);
  });

  it("sends a signed-out visitor to sign-in and back", async () => {
    const visitor = await e2e.browser.newPage();
    await openPage(visitor, `${e2e.portalUrl}/t/${first.slug}/users`);
    expect(new URL(visitor.url()).pathname).toBe("/sign-in");
    expect(new URL(visitor.url()).searchParams.get("redirect")).toBe(`/t/${first.slug}/users`);
    await visitor.close();
  });

  it("lists the person's regions and devices on the account page, and signs out everywhere after confirming", async () => {
    await openPage(page, `/t/${first.slug}`);
    await page.getByTestId("account-link").click();
    await page.waitForURL("**/account");
    const secondName = await tenantName(second);
    await expect.poll(() => page.getByRole("link", { name: secondName }).count()).toBe(1);
    const current = page.locator('[data-testid="session-row"][data-current="true"]');
    expect(await current.textContent()).toContain("Perangkat ini");

    await page.getByTestId("sign-out-everywhere").click();
    await page.getByTestId("confirm-dialog").getByTestId("confirm-button").click();
    await page.waitForURL("**/sign-in");
    const [sessions] = await database.owner.sql<{ count: number }[]>`
      select count(*)::int as count from sessions where user_id = ${person.id}`;
    expect(sessions?.count).toBe(0);
  });
});

describe("platform staff looking into a region", () => {
  it("names the region in the heading, the title and the switcher, and finds any other region by search", async () => {
    const staffPage = await (
      await signedInContext(e2e.browser, e2e.portalUrl, database.owner, platformAdmin.id)
    ).newPage();
    await openPage(staffPage, `/t/${elsewhere.slug}`);
    const name = await tenantName(elsewhere);
    expect(await staffPage.getByRole("heading", { level: 1 }).textContent()).toBe(name);
    expect(await staffPage.title()).toContain(name);
    expect(await staffPage.getByTestId("current-tenant").textContent()).toBe(name);

    // Opened, the switcher lists regions at once; typing narrows the list on the server.
    const switcher = staffPage.getByTestId("tenant-switcher");
    await switcher.locator("summary").click();
    await expect.poll(() => switcher.getByTestId("tenant-option").count()).toBeGreaterThan(0);
    await switcher.getByLabel("Cari daerah").fill(first.slug);
    await expect
      .poll(() => switcher.getByTestId("tenant-option").allTextContents())
      .toEqual([expect.stringContaining(await tenantName(first))]);
    await switcher.getByLabel("Cari daerah").fill("tidak ada daerah bernama begini");
    await expect
      .poll(() => switcher.getByTestId("tenant-search-status").textContent())
      .toBe("Tidak ada daerah yang cocok.");
    expect(await switcher.getByTestId("tenant-option").count()).toBe(0);

    await switcher.getByLabel("Cari daerah").fill(first.slug);
    await switcher
      .getByTestId("tenant-option")
      .filter({ hasText: await tenantName(first) })
      .click();
    await staffPage.waitForURL(`**/t/${first.slug}`);
    expect(await staffPage.getByTestId("current-tenant").textContent()).toBe(
      await tenantName(first),
    );
    await staffPage.close();
  });
});

describe("the platform's tenant list", () => {
  it("searches, filters by status and pages on the server, with the search and page in the URL", async () => {
    const staffPage = await (
      await signedInContext(e2e.browser, e2e.portalUrl, database.owner, platformAdmin.id)
    ).newPage();
    const names = () =>
      staffPage.getByTestId("platform-tenant-row").locator("th").allTextContents();
    const range = () => staffPage.getByTestId("tenant-range").textContent();

    // A page size in the URL is kept by the search form; typing the marker in any case finds the three.
    await openPage(staffPage, "/platform/tenants?pageSize=2");
    await staffPage.getByLabel("Cari", { exact: true }).fill(marker.toLowerCase());
    await staffPage.getByTestId("tenant-filters-apply").click();
    await expect.poll(names).toEqual([`Uji ${marker} Alfa`, `Uji ${marker} Beta`]);
    expect(await range()).toBe("1–2 dari 3");
    expect(new URL(staffPage.url()).searchParams.get("pageSize")).toBe("2");
    expect(await staffPage.getByTestId("tenant-page-previous").count()).toBe(0);

    await staffPage.getByTestId("tenant-page-next").click();
    await expect.poll(names).toEqual([`Uji ${marker} Gamma`]);
    expect(await range()).toBe("3–3 dari 3");
    expect(new URL(staffPage.url()).searchParams.get("page")).toBe("2");
    expect(await staffPage.getByTestId("tenant-page-next").count()).toBe(0);

    // Back shows the first page again; a link to the second page shows the second.
    await staffPage.goBack();
    await expect.poll(names).toEqual([`Uji ${marker} Alfa`, `Uji ${marker} Beta`]);
    await openPage(
      staffPage,
      `/platform/tenants?q=${encodeURIComponent(marker)}&pageSize=2&page=2`,
    );
    await expect.poll(names).toEqual([`Uji ${marker} Gamma`]);
    expect(await staffPage.getByLabel("Cari", { exact: true }).inputValue()).toBe(marker);

    // The status select narrows the same search, back to the first page.
    await staffPage.getByLabel("Status").selectOption({ label: "Live" });
    await staffPage.getByTestId("tenant-filters-apply").click();
    await expect.poll(names).toEqual([`Uji ${marker} Beta`, `Uji ${marker} Gamma`]);
    expect(await range()).toBe("1–2 dari 2");

    await staffPage.getByLabel("Cari", { exact: true }).fill("tidak ada tenant bernama begini");
    await staffPage.getByTestId("tenant-filters-apply").click();
    await expect
      .poll(() => staffPage.getByTestId("platform-tenant-table").textContent())
      .toContain("Tidak ada tenant yang cocok dengan pencarian ini.");
    expect(await range()).toBe("");

    // A page number the API refuses is reported, with the way back to the whole list.
    await openPage(staffPage, "/platform/tenants?page=0");
    expect(await staffPage.getByTestId("tenants-bad-search").textContent()).toContain(
      "Pencarian atau nomor halaman di alamat ini tidak valid.",
    );
    await staffPage.close();
  });
});
