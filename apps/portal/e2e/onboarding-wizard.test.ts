import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage } from "./navigation.ts";
import { publishFirstSopVersion } from "./sop.ts";
import { useTenantAdminBrowser } from "./tenant-admin.ts";

// A 1×1 PNG: the smallest logo the API accepts.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const arranged = useTenantAdminBrowser();

async function stepDone(page: Page, key: string): Promise<string | null> {
  return page.getByTestId(`onboarding-step-${key}`).getAttribute("data-done");
}

describe("the onboarding wizard", () => {
  it("leads from the overview card to branding, refuses a faint colour, saves name, colours and logo into the header", async () => {
    const { context, tenant } = arranged;
    const page = await context.newPage();
    await openPage(page, `/t/${tenant.slug}`);
    await page.getByTestId("onboarding-card-link").click();
    await page.waitForURL(`**/t/${tenant.slug}/onboarding/branding`);
    expect(await stepDone(page, "branding")).toBe("false");

    await page.getByTestId("branding-display-name").fill("Kabupaten Contoh");
    await page.getByTestId("branding-primary").fill("#ffcc00");
    await page
      .getByTestId("branding-logo")
      .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
    await expect.poll(() => page.getByTestId("branding-logo-preview").count()).toBe(1);
    await page.getByTestId("branding-save").click();
    await expect
      .poll(() => page.getByTestId("field-error-primaryColor").textContent())
      .toContain("4,5:1");
    expect(
      await page
        .getByTestId("branding-primary")
        .evaluate((input) => document.activeElement === input),
    ).toBe(true);

    await page.getByTestId("branding-primary").fill("#1d4ed8");
    await page.getByTestId("branding-save").click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toBe("Branding disimpan.");
    await expect.poll(() => stepDone(page, "branding")).toBe("true");
    expect(await page.getByTestId("tenant-name").textContent()).toBe("Kabupaten Contoh");
    const logo = page.getByTestId("tenant-logo");
    await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);
    const accent = await page
      .getByTestId("tenant-accent")
      .evaluate((bar) => getComputedStyle(bar).backgroundColor);
    expect(accent).toBe("rgb(29, 78, 216)");
  });

  it("records the national SOP, resumes at the first open step, and keeps go-live shut while the checklist fails", async () => {
    const { context, tenant } = arranged;
    const page = await context.newPage();
    await openPage(page, `/t/${tenant.slug}/onboarding/sop`);
    await page.getByTestId("sop-choose-national").click();
    await publishFirstSopVersion(page);
    await expect.poll(() => stepDone(page, "sop")).toBe("true");

    await openPage(page, `/t/${tenant.slug}/onboarding`);
    expect(new URL(page.url()).pathname).toBe(`/t/${tenant.slug}/onboarding/agencies`);
    await page.getByTestId("onboarding-next").click();
    await page.waitForURL(`**/onboarding/trunks`);

    await openPage(page, `/t/${tenant.slug}/onboarding/go-live`);
    expect(await page.getByTestId("checklist-item-branding").getAttribute("data-ok")).toBe("true");
    expect(await page.getByTestId("checklist-item-sop").getAttribute("data-ok")).toBe("true");
    expect(await page.getByTestId("checklist-item-trunk").getAttribute("data-ok")).toBe("false");
    expect(await page.getByTestId("go-live-submit").isDisabled()).toBe(true);
    expect(await page.getByTestId("override-reason").count()).toBe(0);
  });

  it("lets a platform admin take it live over the failing checklist only with a written reason, after confirming", async () => {
    const { context, tenant, admin, database } = arranged;
    // The admin's membership stays; a platform role on top is what allows the override.
    await database.owner
      .sql`update users set platform_role = 'platform_admin' where id = ${admin.id}`;
    const page = await context.newPage();
    await openPage(page, `/t/${tenant.slug}/onboarding/go-live`);
    await page.getByTestId("go-live-submit").click();
    await expect.poll(() => page.getByTestId("field-error-overrideReason").count()).toBe(1);
    expect(
      await page
        .getByTestId("override-reason")
        .evaluate((field) => document.activeElement === field),
    ).toBe(true);

    await page
      .getByTestId("override-reason")
      .fill("Uji coba terbatas bersama Kominfo; trunk menyusul minggu ini.");
    await page.getByTestId("go-live-submit").click();
    await page.getByTestId("go-live-confirm").click();
    await expect
      .poll(() => page.getByTestId("go-live-status").textContent())
      .toContain("live sejak");
    expect(await page.getByTestId("go-live-status").textContent()).toContain(
      "trunk menyusul minggu ini",
    );
    expect(await stepDone(page, "go-live")).toBe("true");
    const [row] = await database.owner.sql<
      { status: string }[]
    >`select status from tenants where id = ${tenant.id}`;
    expect(row?.status).toBe("live");

    await openPage(page, `/t/${tenant.slug}`);
    expect(await page.getByTestId("onboarding-card").count()).toBe(0);
  });
});
