import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndToEnd } from "@sigap/dev/e2e";
import { connectTestDatabase, createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { createMember, deleteUsers } from "./people.ts";
import { openPage } from "./navigation.ts";

const database = connectTestDatabase();
let e2e: Awaited<ReturnType<typeof startEndToEnd>>;
let page: Page;
let first: TestTenant;
let second: TestTenant;
let elsewhere: TestTenant;
let person: Awaited<ReturnType<typeof createMember>>;

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
  await database.owner.sql`insert into memberships (tenant_id, user_id, role) values (${second.id}, ${person.id}, 'supervisor')`;
});

afterAll(async () => {
  await e2e.stop();
  await deleteTestTenants(database.owner, [first, second, elsewhere]);
  await deleteUsers(database.owner, [person.email]);
  await database.close();
});

async function tenantName(tenant: TestTenant): Promise<string> {
  const [row] = await database.owner.sql<{ display_name: string }[]>`select display_name from tenants where id = ${tenant.id}`;
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
    await switcher.getByTestId("tenant-option").filter({ hasText: await tenantName(first) }).click();
    await page.waitForURL(`**/t/${first.slug}`);
    expect(await page.getByTestId("current-tenant").textContent()).toBe(await tenantName(first));
    expect(await page.getByTestId("your-role").textContent()).toContain("Operator");

    // By keyboard: open the disclosure, Tab to the other region, follow it.
    await switcher.locator("summary").focus();
    await page.keyboard.press("Enter");
    const other = switcher.getByTestId("tenant-option").filter({ hasText: await tenantName(second) });
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
