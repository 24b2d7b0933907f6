import { randomUUID } from "node:crypto";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEndToEnd } from "@sigap/dev/e2e";
import { connectTestDatabase } from "@sigap/tenancy/testing";
import { createPlatformPerson, knownPassword, signedInContext, uniqueEmail } from "./people.ts";
import { openPage } from "./navigation.ts";
import { invitationLinkFromOutbox } from "./outbox.ts";
import { publishFirstSopVersion } from "./sop.ts";
import { reportCallEvent } from "./telephony.ts";

// The issue's whole path, in one browser: a platform admin creates a tenant for a region, its first
// admin accepts the invitation from the outbox and enrols two-step verification, completes the
// wizard and goes live, and a ministry viewer sees the national count and the province row move.
// Staff memberships and all but one agency contact are arranged directly: their own pages have
// their own tests, and doing fourteen of them by hand here would only make this one slow.

const database = connectTestDatabase();
let e2e: Awaited<ReturnType<typeof startEndToEnd>>;
const slug = `jalur-${randomUUID().slice(0, 8)}`;
const adminEmail = uniqueEmail("first-admin");
const emails: string[] = [adminEmail];
let region: { code: string; province: string };
let ministryBefore: { live: number; provinceLive: number };
let admin: Page;
/** The platform admin who creates the tenant, and reads the invitation from the outbox. */
let platform: Page;

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function person(platformRole: "platform_admin" | "ministry_viewer") {
  const { id, email } = await createPlatformPerson(database.owner, platformRole);
  emails.push(email);
  return id;
}

function contextFor(userId: string): Promise<BrowserContext> {
  return signedInContext(e2e.browser, e2e.portalUrl, database.owner, userId);
}

async function ministryFigures(page: Page) {
  await openPage(page, "/national");
  const live = Number(await page.getByTestId("national-live-count").textContent());
  const row = page
    .getByTestId("national-province-row")
    .filter({ has: page.getByRole("rowheader", { name: region.province, exact: true }) });
  return { live, provinceLive: Number(await row.getByRole("cell").nth(1).textContent()) };
}

/** What the trunk's PBX/SBC sends when a call arrives: `call.offered`, signed as /v1/docs describes. */
beforeAll(async () => {
  e2e = await startEndToEnd();
  const [free] = await database.owner.sql<{ code: string; province: string }[]>`
    select r.code, p.name as province from regencies r join provinces p on p.code = r.province_code
     where r.code not in (select region_code from tenants) order by random() limit 1`;
  if (!free) throw new Error("no free region left");
  region = free;
});

afterAll(async () => {
  await e2e.stop();
  await database.owner.sql`delete from tenants where slug = ${slug}`;
  await database.owner.sql`delete from users where email = any(${emails})`;
  await database.close();
});

describe("from a region without a tenant to a live 112 service", () => {
  it("a ministry viewer notes the national figures first", async () => {
    const ministry = await (await contextFor(await person("ministry_viewer"))).newPage();
    ministryBefore = await ministryFigures(ministry);
    expect(ministryBefore.live).toBeGreaterThan(0);
  });

  it("a platform admin creates the tenant and invites its first admin", async () => {
    platform = await (await contextFor(await person("platform_admin"))).newPage();
    await openPage(platform, "/platform/tenants/new");
    const search = platform.getByTestId("region-search");
    await search.fill(region.code);
    await expect.poll(() => platform.getByTestId("region-option").count()).toBe(1);
    await search.press("ArrowDown");
    await search.press("Enter");
    await platform.getByTestId("slug").fill(slug);
    await platform.getByTestId("admin-email").fill(adminEmail);
    await platform.getByTestId("create-tenant-submit").click();
    await platform.getByTestId("tenant-created").waitFor();
  });

  it("the first admin accepts the invitation from the outbox and enrols two-step verification", async () => {
    // Mail links use the API's PUBLIC_URL (localhost): the admin browses there, one cookie jar.
    const context = await e2e.browser.newContext({
      baseURL: e2e.portalUrl.replace("127.0.0.1", "localhost"),
    });
    admin = await context.newPage();
    await openPage(admin, await invitationLinkFromOutbox(platform, adminEmail));
    await admin.getByLabel("Nama lengkap").fill("Admin Daerah Baru");
    await admin.getByLabel("Kata sandi baru").fill(knownPassword);
    await admin.getByTestId("accept-submit").click();

    await admin.waitForURL("**/sign-in/enrol**");
    await admin.getByTestId("manual-key").waitFor();
    const key = decodeBase32IgnorePadding(
      ((await admin.getByTestId("manual-key").textContent()) ?? "").replace(/\s/g, ""),
    );
    await admin.getByLabel("Kode 6 digit").fill(generateTOTP(key, 30, 6));
    await admin.getByTestId("enrol-submit").click();
    await admin.getByTestId("recovery-codes").waitFor();
    await admin.getByTestId("codes-saved").check();
    await admin.getByTestId("enrol-continue").click();
    await admin.waitForURL(`**/t/${slug}`);
  });

  it("completes branding, agencies, a trunk, the SOP and staff", async () => {
    await openPage(admin, `/t/${slug}/onboarding/branding`);
    await admin.getByTestId("branding-display-name").fill("Call Center 112 Daerah Baru");
    await admin.getByTestId("branding-primary").fill("#b91c1c");
    await admin.getByTestId("branding-accent").fill("#1e3a8a");
    await admin
      .getByTestId("branding-logo")
      .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
    await admin.getByTestId("branding-save").click();
    await expect.poll(() => admin.getByTestId("notice").textContent()).toBe("Branding disimpan.");

    await openPage(admin, `/t/${slug}/agencies`);
    await admin.getByTestId("standard-set").click();
    await admin.getByTestId("confirm-button").click();
    await expect.poll(() => admin.getByTestId("agency-row").count()).toBeGreaterThan(10);
    // One contact through the page, as an admin would…
    await admin.getByTestId("agency-row").first().getByRole("link").first().click();
    await admin.getByTestId("contact-add").click();
    await admin.getByTestId("contact-kind").selectOption("phone");
    await admin.getByTestId("contact-value").fill("0812-3456-7890");
    await admin.getByTestId("contact-save").click();
    await expect.poll(() => admin.getByTestId("contact-row").count()).toBe(1);
    // …corrects the number, and narrows the agency to one kecamatan.
    await admin.getByTestId("contact-edit").click();
    await admin.getByTestId("contact-value").fill("0812 3456 7891");
    await admin.getByTestId("contact-save").click();
    const agencyId = admin.url().split("/").at(-1) ?? "";
    await expect
      .poll(async () =>
        (
          await database.owner.sql<
            { value: string }[]
          >`select value from agency_contacts where agency_id = ${agencyId}`
        ).map((row) => row.value),
      )
      .toEqual(["+6281234567891"]);
    await admin.getByTestId("agency-coverage-districts").check();
    await admin.locator('input[type="checkbox"][data-testid^="agency-coverage-"]').first().check();
    await admin.getByTestId("agency-save").click();
    await expect
      .poll(
        async () =>
          (
            await database.owner.sql<
              { codes: string[] | null }[]
            >`select coverage_district_codes as codes from agencies where id = ${agencyId}`
          )[0]?.codes?.length,
      )
      .toBe(1);
    // …and the others through the same API the page uses, from the signed-in browser.
    const tenantId = await tenantIdOf(slug);
    const bare = await database.owner.sql<{ id: string }[]>`
      select a.id from agencies a
       where a.tenant_id = ${tenantId} and not exists (select 1 from agency_contacts c where c.agency_id = a.id)`;
    for (const agency of bare) {
      const status = await admin.evaluate(
        async ({ slug: tenantSlug, agencyId }) =>
          (
            await fetch("/trpc/agencies.addContact", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ tenantSlug, agencyId, kind: "phone", value: "031 8941112" }),
            })
          ).status,
        { slug, agencyId: agency.id },
      );
      expect(status).toBe(200);
    }

    await openPage(admin, `/t/${slug}/trunks/new`);
    await admin.getByTestId("trunk-name").fill("Telkomsel utama");
    await admin.getByTestId("trunk-carrier").selectOption("telkomsel");
    await admin.getByTestId("trunk-host").fill("sip.telkomsel.example.id");
    await admin.getByTestId("trunk-channels").fill("30");
    await admin.getByTestId("trunk-auth-ip").check();
    await admin.getByTestId("trunk-addresses").fill("203.0.113.10");
    await admin.getByTestId("trunk-status").selectOption("active");
    await admin.getByTestId("trunk-save").click();
    await admin.getByTestId("trunk-dids").waitFor();
    const did = `+6231${String(Math.floor(10_000_000 + Math.random() * 89_999_999))}`;
    await admin.getByTestId("trunk-dids").fill(did);
    await admin.getByTestId("trunk-dids-save").click();
    await expect
      .poll(
        async () =>
          (await database.owner.sql`select 1 from did_routes where owner_tenant_id = ${tenantId}`)
            .length,
      )
      .toBe(1);

    // The trunk's switch gets its event secret here, shown once; a call it reports signed with it is taken.
    await admin.getByTestId("trunk-event-secret-rotate").click();
    await admin
      .getByTestId("confirm-dialog")
      .filter({ visible: true })
      .getByTestId("confirm-button")
      .click();
    const secret = await admin.getByTestId("signing-secret").inputValue();
    expect(secret).toMatch(/^evsec_/);
    expect(
      await reportCallEvent(e2e.portalUrl, secret, {
        type: "call.offered",
        callId: randomUUID(),
        did,
        caller: "0812 3456 7890",
      }),
    ).toBe(200);
    await expect
      .poll(
        async () =>
          (await database.owner.sql`select 1 from calls where tenant_id = ${tenantId}`).length,
      )
      .toBe(1);

    await openPage(admin, `/t/${slug}/onboarding/sop`);
    await admin.getByTestId("sop-choose-national").click();
    await publishFirstSopVersion(admin);
    await expect
      .poll(() => admin.getByTestId("onboarding-step-sop").getAttribute("data-done"))
      .toBe("true");

    for (const role of ["operator", "operator", "supervisor"] as const) {
      const email = uniqueEmail(role);
      emails.push(email);
      await database.owner.sql`
        with staff as (insert into users (email, display_name) values (${email}, ${`Staf ${role}`}) returning id)
        insert into memberships (tenant_id, user_id, role) select ${tenantId}, id, ${role} from staff`;
    }
  });

  it("goes live once every checklist item passes", async () => {
    await openPage(admin, `/t/${slug}/onboarding/go-live`);
    await admin.getByTestId("checklist-item-sop").waitFor();
    const checklist = async () =>
      Object.fromEntries(
        await Promise.all(
          ["branding", "trunk", "agencies", "operators", "supervisor", "sop"].map(async (item) => {
            const entry = admin.getByTestId(`checklist-item-${item}`);
            const ok = (await entry.getAttribute("data-ok")) === "true";
            return [item, ok ? "ok" : await entry.textContent()] as const;
          }),
        ),
      );
    await expect.poll(checklist).toEqual({
      branding: "ok",
      trunk: "ok",
      agencies: "ok",
      operators: "ok",
      supervisor: "ok",
      sop: "ok",
    });
    await admin.getByTestId("go-live-submit").click();
    await admin.getByTestId("go-live-confirm").click();
    await admin.getByTestId("go-live-status").waitFor();
    const [tenant] = await database.owner.sql<{ status: string; launched: boolean }[]>`
      select status, launched_at is not null as launched from tenants where slug = ${slug}`;
    expect(tenant).toEqual({ status: "live", launched: true });
  });

  it("the ministry viewer sees the national count and the province row go up by one", async () => {
    const ministry = await (await contextFor(await person("ministry_viewer"))).newPage();
    const after = await ministryFigures(ministry);
    expect(after).toEqual({
      live: ministryBefore.live + 1,
      provinceLive: ministryBefore.provinceLive + 1,
    });
  });
});

async function tenantIdOf(tenantSlug: string): Promise<string> {
  const [row] = await database.owner.sql<
    { id: string }[]
  >`select id from tenants where slug = ${tenantSlug}`;
  if (!row) throw new Error(`no tenant ${tenantSlug}`);
  return row.id;
}
