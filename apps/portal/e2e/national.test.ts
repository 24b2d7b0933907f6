import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndToEnd } from "@sigap/dev/e2e";
import { connectTestDatabase } from "@sigap/tenancy/testing";
import { deleteUsers, signedInCookie, uniqueEmail } from "./people.ts";
import { openPage } from "./navigation.ts";

const database = connectTestDatabase();
let e2e: Awaited<ReturnType<typeof startEndToEnd>>;
let ministry: Page;
let admin: Page;
const emails: string[] = [];
const createdSlugs: string[] = [];

/** Someone with a platform role and a session that has passed its second factor, in a browser of their own. */
async function platformPerson(browser: Browser, role: "platform_admin" | "ministry_viewer"): Promise<Page> {
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
  [ministry, admin] = await Promise.all([platformPerson(e2e.browser, "ministry_viewer"), platformPerson(e2e.browser, "platform_admin")]);
});

afterAll(async () => {
  await e2e.stop();
  if (createdSlugs.length > 0) await database.owner.sql`delete from tenants where slug = any(${createdSlugs})`;
  await deleteUsers(database.owner, emails);
  await database.close();
});

describe("the national adoption view", () => {
  it("shows a ministry viewer the live count the database holds, and the 38 provinces", async () => {
    await openPage(ministry, "/national");
    const [row] = await database.owner.sql<{ live: number }[]>`select count(*)::int as live from tenants where status = 'live'`;
    expect(Number(await ministry.getByTestId("national-live-count").textContent())).toBe(row?.live);
    expect(await ministry.getByTestId("national-province-row").count()).toBe(38);
    expect(await ministry.getByTestId("national-link").getAttribute("aria-current")).toBe("page");
    // Tenant administration is not theirs: no header link, and the page does not exist for them.
    expect(await ministry.getByTestId("platform-tenants-link").count()).toBe(0);
    expect((await ministry.goto("/platform/tenants/new"))?.status()).toBe(404);
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
    await expect.poll(() => admin.getByTestId("slug").inputValue()).toMatch(/^(kab|kota)-[a-z0-9-]+$/);
    await admin.getByTestId("slug").fill(slug);
    await admin.getByTestId("admin-email").fill(adminEmail);
    await admin.getByTestId("create-tenant-submit").click();
    await admin.getByTestId("tenant-created").waitFor();
    expect(await admin.getByTestId("dev-outbox-link").count()).toBe(1);

    const [tenant] = await database.owner.sql<{ status: string; region_code: string }[]>`
      select status, region_code from tenants where slug = ${slug}`;
    expect(tenant).toEqual({ status: "onboarding", region_code: region.code });
    const [mail] = await database.owner.sql<{ count: number }[]>`select count(*)::int as count from mail_outbox where "to" = ${adminEmail}`;
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
