import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleTrunkInput } from "../../api/test/telephony/sample-trunk.ts";
import { fitsWidth, openPage } from "./navigation.ts";
import { createPlatformPerson, deleteUsers, signedInContext } from "./people.ts";
import { adminApi, useTenantAdminBrowser } from "./tenant-admin.ts";

// Every page of the portal on a 390 px phone: none may scroll sideways. Each role gets one phone
// and walks its pages in turn, so a failure names the page that overflows.

const arranged = useTenantAdminBrowser();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
let platformAdmin: Awaited<ReturnType<typeof createPlatformPerson>>;
const contexts: BrowserContext[] = [];
/** Pages that need a record to show: filled in once the region has one of each. */
const record = { agencyId: "", trunkId: "", incidentId: "" };

/** A phone signed in as `userId`, or signed out with null. */
async function phonePage(userId: string | null): Promise<Page> {
  const { browser, portalUrl } = arranged.e2e;
  const context = userId
    ? await signedInContext(browser, portalUrl, arranged.database.owner, userId, phone)
    : await browser.newContext({ ...phone, baseURL: portalUrl });
  contexts.push(context);
  return context.newPage();
}

/** Opens each path on `page` and collects the ones wider than the screen, with how wide they are. */
async function overflowing(page: Page, paths: string[]): Promise<string[]> {
  const wide: string[] = [];
  for (const path of paths) {
    await openPage(page, path);
    if (!(await fitsWidth(page)))
      wide.push(
        `${path} is ${String(await page.evaluate(() => document.documentElement.scrollWidth))} px wide`,
      );
  }
  return wide;
}

beforeAll(async () => {
  const api = adminApi(arranged);
  await api("onboarding.chooseSop", { templateCode: "national-default" });
  record.agencyId = (
    await api<{ id: string }>("agencies.create", {
      agencyType: "damkar",
      name: "Dinas Pemadam Kebakaran dan Penyelamatan Kota",
    })
  ).id;
  record.trunkId = (await api<{ id: string }>("trunks.create", sampleTrunkInput)).id;
  record.incidentId = (
    await api<{ incidentId: string }>("incidents.create", {
      origin: "walk_in",
      types: ["fire.building"],
      description: "Kebakaran gudang di belakang pasar, asap tebal terlihat dari jalan utama.",
    })
  ).incidentId;
  platformAdmin = await createPlatformPerson(arranged.database.owner, "platform_admin");
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await deleteUsers(arranged.database.owner, [platformAdmin.email]);
});

describe("the portal on a 390 px phone", () => {
  it("fits every page a signed-out visitor sees", async () => {
    const visitor = await phonePage(null);
    expect(await overflowing(visitor, ["/", "/sign-in", "/reset-password"])).toEqual([]);
  });

  it("fits every page of a region's admin", async () => {
    const admin = await phonePage(arranged.admin.id);
    const tenant = `/t/${arranged.tenant.slug}`;
    const paths = [
      "/account",
      tenant,
      `${tenant}/calls`,
      `${tenant}/wallboard`,
      `${tenant}/incidents`,
      `${tenant}/incidents/new`,
      `${tenant}/incidents/${record.incidentId}`,
      `${tenant}/assignments`,
      `${tenant}/agencies`,
      `${tenant}/agencies/new`,
      `${tenant}/agencies/${record.agencyId}`,
      `${tenant}/trunks`,
      `${tenant}/trunks/new`,
      `${tenant}/trunks/${record.trunkId}`,
      `${tenant}/sop`,
      `${tenant}/sop/tests`,
      `${tenant}/sop/versions`,
      `${tenant}/sop/simulator`,
      `${tenant}/sop/agency-coverage`,
      `${tenant}/users`,
      `${tenant}/audit`,
      `${tenant}/billing`,
      `${tenant}/settings/branding`,
      `${tenant}/settings/calls`,
      ...["branding", "agencies", "trunks", "sop", "staff", "go-live"].map(
        (step) => `${tenant}/onboarding/${step}`,
      ),
    ];
    expect(await overflowing(admin, paths)).toEqual([]);

    // The header and the region's tools leave the first screen to the page: its heading shows in the top third.
    await openPage(admin, `${tenant}/users`);
    const heading = await admin.getByRole("heading", { level: 1 }).boundingBox();
    expect(heading?.y).toBeLessThan(phone.viewport.height / 3);
  });

  it("fits every page of a platform admin", async () => {
    const platform = await phonePage(platformAdmin.id);
    const paths = [
      "/national",
      "/national/provinces/51",
      "/platform/tenants",
      "/platform/tenants/new",
      "/platform/billing",
      "/platform/billing/plans",
      "/audit",
    ];
    expect(await overflowing(platform, paths)).toEqual([]);
  });
});
