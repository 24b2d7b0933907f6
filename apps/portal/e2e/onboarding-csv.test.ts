import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { templatePrimaryAgencyTypes } from "../../api/src/sop/required-agencies.ts";
import { openPage } from "./navigation.ts";
import { invitationLinkFromOutbox } from "./outbox.ts";
import { deleteUsers, knownPassword, uniqueEmail } from "./people.ts";
import { publishFirstSopVersion } from "./sop.ts";
import { useTenantAdminBrowser } from "./tenant-admin.ts";

// A platform admin takes a region live without leaving the wizard: agencies with their contacts
// and the staff come in as CSV files. The invitees accepting their mail is their own doing, not a
// click of the admin's, so it happens beside the count.

const arranged = useTenantAdminBrowser();
/** The staff invited from CSV, whose accounts outlive the tenant. */
const staff = [uniqueEmail("op-a"), uniqueEmail("op-b"), uniqueEmail("spv")];
afterAll(async () => {
  await deleteUsers(arranged.database.owner, staff);
});

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const csvFile = (name: string, lines: string[]) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(lines.join("\r\n") + "\r\n"),
});

/** Every press of the admin's: a click, a file chosen, an option picked. Typing is not counted. */
class ClickCounter {
  count = 0;

  async click(locator: Locator): Promise<void> {
    this.count += 1;
    await locator.click();
  }

  async choose(
    locator: Locator,
    file: { name: string; mimeType: string; buffer: Buffer },
  ): Promise<void> {
    this.count += 1;
    await locator.setInputFiles(file);
  }

  async select(locator: Locator, value: string): Promise<void> {
    this.count += 1;
    await locator.selectOption(value);
  }
}

async function nextStep(page: Page, clicks: ClickCounter, step: string): Promise<void> {
  await clicks.click(page.getByTestId("onboarding-next"));
  await page.waitForURL(`**/onboarding/${step}`);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

describe("the onboarding wizard with CSV imports", () => {
  it("warns before leaving unsaved branding, judges contrast as the colour changes, and names a CSV's bad rows", async () => {
    const { context, tenant, database } = arranged;
    const page = await context.newPage();
    await openPage(page, `/t/${tenant.slug}/onboarding/branding`);
    const primary = page.getByTestId("branding-primary");
    await primary.fill("#ffcc00");
    await expect
      .poll(() => page.getByTestId("branding-primary-contrast").getAttribute("data-ok"))
      .toBe("false");
    expect(await page.getByTestId("branding-primary-contrast").textContent()).toContain(
      "minimal 4,5:1",
    );
    await primary.fill("#1d4ed8");
    await expect
      .poll(() => page.getByTestId("branding-primary-contrast").getAttribute("data-ok"))
      .toBe("true");

    let asked = "";
    page.once("dialog", async (dialog) => {
      asked = dialog.message();
      await dialog.dismiss();
    });
    await page.getByTestId("onboarding-next").click();
    await expect.poll(() => asked).toContain("belum disimpan");
    expect(new URL(page.url()).pathname).toBe(`/t/${tenant.slug}/onboarding/branding`);
    page.once("dialog", async (dialog) => {
      await dialog.accept();
    });
    await page.getByTestId("onboarding-next").click();
    await page.waitForURL("**/onboarding/agencies");

    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page
      .getByTestId("csv-file-agencies")
      .setInputFiles(
        csvFile("instansi.csv", [
          "nama_instansi,jenis_instansi,cakupan_kecamatan,jenis_kontak,kontak,keterangan_kontak",
          "Damkar Contoh,damkar,,telepon,0812-3456-7890,",
          "Dinas Entah,entah,,telepon,0812-3456-7890,",
          "Damkar Contoh,,,faks,021 555,",
        ]),
      );
    await page.getByTestId("csv-problems-agencies").waitFor();
    const problems = await page
      .getByTestId("csv-problem")
      .evaluateAll((rows) =>
        rows.map(
          (row) => `${row.getAttribute("data-row") ?? ""}:${row.getAttribute("data-column") ?? ""}`,
        ),
      );
    expect(problems).toEqual(["3:jenis_instansi", "4:jenis_kontak"]);
    // Each problem in words, naming what was written and what the column takes.
    expect(await page.getByTestId("csv-problem").nth(1).textContent()).toContain(
      "“faks” tidak dikenal. Pilihan: telepon, whatsapp, email.",
    );
    expect(await page.getByTestId("csv-apply-agencies").count()).toBe(0);
    expect(
      await database.owner.sql`select 1 from agencies where tenant_id = ${tenant.id}`,
    ).toHaveLength(0);
  });

  it("takes the region live inside the wizard, agencies and staff from CSV, in under 30 clicks", async () => {
    const { context, tenant, admin, database, e2e } = arranged;
    await database.owner
      .sql`update users set platform_role = 'platform_admin' where id = ${admin.id}`;
    const page = await context.newPage();
    const clicks = new ClickCounter();
    await openPage(page, `/t/${tenant.slug}`);
    await clicks.click(page.getByTestId("onboarding-card-link"));
    await page.waitForURL("**/onboarding/branding");
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });

    // Branding.
    await page.getByTestId("branding-display-name").fill("Call Center 112 Kabupaten Contoh");
    await page.getByTestId("branding-primary").fill("#b91c1c");
    await page.getByTestId("branding-accent").fill("#1e3a8a");
    await clicks.choose(page.getByTestId("branding-logo"), {
      name: "logo.png",
      mimeType: "image/png",
      buffer: png,
    });
    await clicks.click(page.getByTestId("branding-save"));
    await expect.poll(() => page.getByTestId("notice").textContent()).toBe("Branding disimpan.");
    await nextStep(page, clicks, "agencies");

    // Agencies: the template's header, one agency with a contact for each type the SOP dispatches.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      clicks.click(page.getByTestId("csv-template-agencies")),
    ]);
    const template = (await readFile(await download.path(), "utf8"))
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(template[0]).toBe(
      "nama_instansi,jenis_instansi,cakupan_kecamatan,jenis_kontak,kontak,keterangan_kontak",
    );
    const agencyRows = templatePrimaryAgencyTypes.flatMap((type, index) => [
      `${type.toUpperCase()} Kabupaten Contoh,${type},,telepon,0812-1120-${String(1000 + index)},Piket 24 jam`,
      `${type.toUpperCase()} Kabupaten Contoh,${type},,email,posko.${type}@contoh.go.id,`,
    ]);
    await clicks.choose(
      page.getByTestId("csv-file-agencies"),
      csvFile("instansi.csv", [template[0] ?? "", ...agencyRows]),
    );
    await expect
      .poll(() => page.getByTestId("csv-preview-row").count())
      .toBe(templatePrimaryAgencyTypes.length);
    await clicks.click(page.getByTestId("csv-apply-agencies"));
    await expect
      .poll(() => page.getByTestId("checklist-item-agencies").getAttribute("data-ok"))
      .toBe("true");
    expect(await page.getByTestId("onboarding-agency-row").count()).toBe(
      templatePrimaryAgencyTypes.length,
    );
    await nextStep(page, clicks, "trunks");

    // A phone trunk, in the wizard.
    await page.getByTestId("trunk-name").fill("Telkomsel utama");
    await page.getByTestId("trunk-host").fill("sip.telkomsel.example.id");
    await page.getByTestId("trunk-username").fill("kab-contoh");
    await page.getByTestId("trunk-password").fill("rahasia-trunk-112");
    await clicks.select(page.getByTestId("trunk-status"), "active");
    await clicks.click(page.getByTestId("trunk-save"));
    await expect
      .poll(() => page.getByTestId("checklist-item-trunk").getAttribute("data-ok"))
      .toBe("true");
    await nextStep(page, clicks, "sop");

    // The national SOP, published.
    await clicks.click(page.getByTestId("sop-choose-national"));
    await publishFirstSopVersion(page);
    clicks.count += 2; // the helper presses publish, then confirm
    await nextStep(page, clicks, "staff");

    // Staff: two operators and a supervisor invited from one file.
    await clicks.choose(
      page.getByTestId("csv-file-staff"),
      csvFile("staf.csv", [
        "email,peran,instansi",
        `${staff[0] ?? ""},operator,`,
        `${staff[1] ?? ""},operator,`,
        `${staff[2] ?? ""},supervisor,`,
      ]),
    );
    await expect.poll(() => page.getByTestId("csv-preview-row").count()).toBe(3);
    await clicks.click(page.getByTestId("csv-apply-staff"));
    await expect.poll(() => page.getByTestId("staff-invited-operator").textContent()).toBe("2");
    const operators = page.getByTestId("checklist-item-operators");
    expect(await operators.getAttribute("data-ok")).toBe("false");
    expect(await operators.textContent()).toContain(
      "2 orang diundang sebagai Operator dan belum menerima undangan",
    );
    expect(await page.getByTestId("checklist-fix-operators").count()).toBe(0);

    // Each invitee accepts from their own mailbox (read here from the development outbox).
    const outbox = await context.newPage();
    for (const email of staff) {
      const link = await invitationLinkFromOutbox(outbox, email);
      const invitee = await (
        await e2e.browser.newContext({ baseURL: e2e.portalUrl.replace("127.0.0.1", "localhost") })
      ).newPage();
      await openPage(invitee, link);
      await invitee.getByLabel("Nama lengkap").fill("Staf Kabupaten Contoh");
      await invitee.getByLabel("Kata sandi baru").fill(knownPassword);
      await invitee.getByTestId("accept-submit").click();
      await invitee.waitForURL((url) => !url.pathname.startsWith("/invite/"));
      await invitee.context().close();
    }
    await outbox.close();

    // Go live, every item met and each saying so.
    await nextStep(page, clicks, "go-live");
    for (const item of ["branding", "trunk", "agencies", "operators", "supervisor", "sop"]) {
      expect(await page.getByTestId(`checklist-item-${item}`).getAttribute("data-ok"), item).toBe(
        "true",
      );
      expect(await page.getByTestId(`checklist-fix-${item}`).getAttribute("href"), item).toMatch(
        new RegExp(`^/t/${tenant.slug}/onboarding/`),
      );
    }
    expect(await page.getByTestId("checklist-item-branding").textContent()).toContain(
      "sudah disimpan",
    );
    await clicks.click(page.getByTestId("go-live-submit"));
    await clicks.click(page.getByTestId("go-live-confirm"));
    await page.getByTestId("go-live-status").waitFor();
    const [row] = await database.owner.sql<
      { status: string }[]
    >`select status from tenants where id = ${tenant.id}`;
    expect(row?.status).toBe("live");
    expect(clicks.count).toBeLessThan(30);
  });
});
