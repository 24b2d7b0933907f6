import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage } from "./navigation.ts";
import { publishFirstSopVersion } from "./sop.ts";
import { useTenantAdminBrowser } from "./tenant-admin.ts";

// The SOP's life in the browser: a rule summarised in words, edited into an error the editor shows at
// its field, fixed, its types picked by name and its kecamatan by checkbox, saved, simulated against
// the live version, published (no test case yet, which the dialog says) as the next version number,
// compared with the version before in words, then rolled back; then a P1 type left without an agency
// or fallback, shown in the coverage table and refused.

const arranged = useTenantAdminBrowser();

const liveVersion = (page: Page) =>
  page.getByTestId("sop-live-version").getAttribute("data-number");

describe("the SOP editor", () => {
  it("edits a rule into an error, fixes it, simulates the change, publishes the next version and compares it with the one before", async () => {
    const { context, tenant } = arranged;
    const page = await context.newPage();
    await openPage(page, `/t/${tenant.slug}/onboarding/sop`);
    await page.getByTestId("sop-choose-national").click();
    await publishFirstSopVersion(page);

    await openPage(page, `/t/${tenant.slug}/sop`);
    expect(await liveVersion(page)).toBe("1");
    expect(await page.getByTestId("sop-findings").getAttribute("data-errors")).toBe("0");

    await page.getByLabel("Cari aturan").fill("fire.base");
    const card = page.locator('[data-testid="rule-card"][data-rule-id="fire.base"]');
    const summary = card.getByTestId("rule-summary");
    expect(await summary.textContent()).toBe("Kebakaran (semua jenis) · Prioritas 1 · Damkar");
    await card.getByTestId("rule-toggle").click();

    // A rule without a name: the editor validates as the author types, beside the field.
    await card.getByTestId("rule-name").fill("");
    await expect.poll(() => page.getByTestId("sop-findings").getAttribute("data-errors")).toBe("1");
    expect(await card.getByTestId("rule-errors").textContent()).toBe("1 galat");
    expect(await card.getByTestId("rule-name").getAttribute("aria-invalid")).toBe("true");
    // Findings read as Indonesian, placed by the rule and field rather than a JSONPath.
    const error = page.locator('[data-testid="sop-finding"][data-level="error"]');
    expect(await error.textContent()).toContain("Isi paling sedikit 1 karakter.");
    expect(await error.getByTestId("sop-finding-place").textContent()).toBe(
      "Aturan “fire.base” · Nama aturan",
    );
    await card.getByTestId("rule-name").fill("Kebakaran");
    await expect.poll(() => page.getByTestId("sop-findings").getAttribute("data-errors")).toBe("0");

    // Types are picked by name: a kind found by searching, a whole category with the keyboard.
    const chips = () =>
      card
        .getByTestId("type-chip")
        .evaluateAll((found) => found.map((chip) => chip.getAttribute("data-value")));
    const types = card.getByTestId("rule-types");
    await card.getByRole("button", { name: "Hapus Kebakaran (semua jenis)" }).click();
    expect(await chips()).toEqual([]);
    expect(await summary.textContent()).toBe("Semua jenis kejadian · Prioritas 1 · Damkar");
    await types.fill("hutan");
    await card.getByRole("option", { name: "Kebakaran hutan dan lahan" }).click();
    expect(await chips()).toEqual(["fire.forest_land"]);
    await types.fill("kebakaran");
    await types.press("Enter");
    expect(await chips()).toEqual(["fire.forest_land", "fire.*"]);
    expect(
      await card
        .getByRole("option", { name: "Kebakaran (semua jenis)" })
        .getAttribute("aria-selected"),
    ).toBe("true");
    await types.press("Escape");
    expect(await card.getByRole("listbox").isHidden()).toBe(true);
    await card.getByRole("button", { name: "Hapus Kebakaran hutan dan lahan" }).click();
    expect(await chips()).toEqual(["fire.*"]);
    expect(await summary.textContent()).toBe("Kebakaran (semua jenis) · Prioritas 1 · Damkar");

    // Kecamatan are checkboxes under a search box; clearing them gives the whole region back.
    const kecamatan = card.getByTestId("rule-kecamatan");
    const firstName = (
      (await kecamatan.getByRole("checkbox").first().locator("xpath=..").textContent()) ?? ""
    ).trim();
    await kecamatan.getByTestId("rule-kecamatan-search").fill(firstName);
    await kecamatan.getByRole("checkbox", { name: firstName, exact: true }).check();
    expect(await summary.textContent()).toBe(
      "Kebakaran (semua jenis) · di 1 kecamatan · Prioritas 1 · Damkar",
    );
    await kecamatan.getByRole("button", { name: "Hapus semua pilihan" }).click();
    expect(
      await kecamatan.getByRole("checkbox", { name: firstName, exact: true }).isChecked(),
    ).toBe(false);
    expect(await summary.textContent()).toBe("Kebakaran (semua jenis) · Prioritas 1 · Damkar");

    // The real change: PMI supports every fire.
    await card.getByTestId("rule-agency-add").click();
    const added = card.getByTestId("rule-agency").last();
    await added.locator("select").first().selectOption("type:pmi");
    await added.locator("select").nth(1).selectOption("support");
    expect(await summary.textContent()).toBe(
      "Kebakaran (semua jenis) · Prioritas 1 · Damkar + PMI (pendukung)",
    );
    expect(await page.getByTestId("sop-publish").isDisabled()).toBe(true);
    await page.getByTestId("sop-save").click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toBe("Draf disimpan.");
    await expect.poll(() => page.getByTestId("sop-draft-state").textContent()).toContain("berbeda");

    // The simulator plans a building fire with the draft and the live version side by side.
    await page.getByRole("link", { name: "Simulator" }).click();
    await page.waitForURL(`**/t/${tenant.slug}/sop/simulator`);
    await page.getByTestId("sim-type").selectOption("fire");
    await page.getByTestId("sim-subtype").selectOption("fire.building");
    await page.getByTestId("sim-run").click();
    const pmi = page
      .getByTestId("sim-plan-draft")
      .locator('[data-testid="sim-agency"][data-key="type:pmi"]');
    await expect.poll(() => pmi.getAttribute("data-change")).toBe("added");
    expect(
      await page
        .getByTestId("sim-plan-published")
        .locator('[data-testid="sim-agency"][data-key="type:damkar"]')
        .count(),
    ).toBe(1);

    await page.getByRole("link", { name: "Editor draf" }).click();
    await page.waitForURL(`**/t/${tenant.slug}/sop`);
    await page.getByTestId("sop-publish").click();
    await expect
      .poll(() => page.getByTestId("sop-check").getAttribute("data-publishable"))
      .toBe("true");
    // The region has no test case yet: the dialog says so, and where to add one, instead of "all passed".
    expect(await page.getByTestId("sop-check").textContent()).toContain(
      "Lolos validasi. Belum ada uji kasus yang dijalankan.",
    );
    const noTests = page.getByTestId("sop-check-no-tests");
    expect(await noTests.textContent()).toContain("Belum ada uji kasus");
    expect(await noTests.getByRole("link", { name: "Tambah uji kasus" }).getAttribute("href")).toBe(
      `/t/${tenant.slug}/sop/tests`,
    );
    await page.getByTestId("sop-publish-confirm").click();
    await expect
      .poll(() => page.getByTestId("sop-publish-note").getAttribute("aria-invalid"))
      .toBe("true");
    await page.getByTestId("sop-publish-note").fill("PMI mendukung setiap kebakaran");
    await page.getByTestId("sop-publish-confirm").click();
    await expect.poll(() => liveVersion(page)).toBe("2");
    expect(await page.getByTestId("notice").textContent()).toBe(
      "Versi 2 diterbitkan dan kini dipakai untuk dispatch.",
    );
    await expect.poll(() => page.getByTestId("sop-draft-state").textContent()).toContain("sama");

    await page.getByRole("link", { name: "Versi", exact: true }).click();
    await expect.poll(() => page.getByTestId("sop-version-row").count()).toBe(2);

    // The newest version against the one before it, in words: the fire rule gained PMI in support.
    const diff = page.getByTestId("sop-diff");
    await expect
      .poll(() => diff.getByTestId("sop-diff-result").getAttribute("data-state"))
      .toBe("ready");
    expect(await diff.getByTestId("sop-diff-from").inputValue()).toBe("1");
    expect(await diff.getByTestId("sop-diff-to").inputValue()).toBe("2");
    expect(await diff.getByTestId("sop-diff-counts").textContent()).toContain(
      "Aturan ditambah: 0, dihapus: 0, diubah: 1.",
    );
    const fireChange = diff.locator('[data-testid="sop-diff-changed"][data-rule-id="fire.base"]');
    expect(
      await fireChange
        .getByTestId("sop-diff-field")
        .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-field"))),
    ).toEqual(["agencies"]);
    expect(await fireChange.getByTestId("sop-diff-after").locator("ins").textContent()).toContain(
      "Palang Merah Indonesia (pendukung)",
    );
    expect(await fireChange.getByTestId("sop-diff-before").textContent()).not.toContain(
      "Palang Merah Indonesia",
    );
    // The stored document stays readable as JSON behind its disclosure.
    const version1 = page.locator('[data-testid="sop-version-row"][data-number="1"]');
    await version1.getByText("Lihat isi (JSON)").click();
    await expect.poll(() => version1.locator("pre").textContent()).toContain('"fire.base"');

    // Back to version 1, published again as version 3 with a note.
    await page
      .locator('[data-testid="sop-version-row"][data-number="1"]')
      .getByTestId("sop-rollback")
      .click();
    await page.getByTestId("sop-rollback-confirm").click();
    await expect
      .poll(() => page.getByTestId("sop-rollback-note").getAttribute("aria-invalid"))
      .toBe("true");
    await page.getByTestId("sop-rollback-note").fill("PMI ternyata ditangani lewat PSC 119");
    await page.getByTestId("sop-rollback-confirm").click();
    await expect.poll(() => liveVersion(page)).toBe("3");
    await expect.poll(() => page.getByTestId("sop-version-row").count()).toBe(3);
    await page
      .locator('[data-testid="sop-version-row"][data-number="3"]')
      .getByTestId("sop-compare-previous")
      .click();
    await expect.poll(() => diff.getByTestId("sop-diff-from").inputValue()).toBe("2");
    await expect
      .poll(() => fireChange.getByTestId("sop-diff-before").locator("del").textContent())
      .toContain("Palang Merah Indonesia (pendukung)");
    // Versions 1 and 3 hold the same rules.
    await diff.getByTestId("sop-diff-from").selectOption("1");
    await expect.poll(() => diff.getByTestId("sop-diff-same").isVisible()).toBe(true);

    // Coverage: the region has no agencies yet, so a fire's Damkar is reached through its fallback
    // (113). Without it, nobody answers a P1 fire: the table says so in red and publishing is refused.
    await openPage(page, `/t/${tenant.slug}/sop`);
    await page.getByLabel("Cari aturan").fill("fire.base");
    await card.getByTestId("rule-toggle").click();
    const damkar = card.getByTestId("rule-agency").first();
    for (const field of ["Nomor cadangan", "Cadangan bila tidak ada instansi aktif"]) {
      await damkar.getByLabel(field).fill("");
      await damkar.getByLabel(field).press("Tab");
    }
    await expect.poll(() => page.getByTestId("sop-findings").getAttribute("data-errors")).toBe("1");
    expect(
      await page.locator('[data-testid="sop-finding"][data-level="error"]').textContent(),
    ).toContain("sebagai instansi utama, tetapi daerah ini tidak punya instansi aktif jenis ini");
    await page.getByTestId("sop-save").click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain("1 galat");

    await page.getByRole("link", { name: "Cakupan instansi" }).click();
    await page.waitForURL(`**/t/${tenant.slug}/sop/agency-coverage`);
    expect(await page.getByTestId("coverage-empty").isVisible()).toBe(true);
    expect(await page.getByTestId("coverage-summary").getAttribute("data-uncovered-p1")).toBe("1");
    const fireRow = page.locator('[data-testid="coverage-row"][data-type="fire"]');
    expect(await fireRow.getAttribute("data-state")).toBe("uncovered");
    const fireDamkar = fireRow.locator('[data-testid="coverage-agency"][data-key="type:damkar"]');
    expect(await fireDamkar.getAttribute("data-blocking")).toBe("true");
    expect(await fireDamkar.textContent()).toContain("TIDAK tercakup");
    // Other P1 types still reach Damkar through their rules' fallback.
    const trafficDamkar = page.locator(
      '[data-testid="coverage-row"][data-type="traffic_accident"] [data-key="type:damkar"]',
    );
    expect(await trafficDamkar.getAttribute("data-state")).toBe("fallback");
    expect(await trafficDamkar.getByTestId("coverage-fallback").textContent()).toContain("→ 113");

    await page.getByRole("link", { name: "Editor draf" }).click();
    await page.waitForURL(`**/t/${tenant.slug}/sop`);
    await page.getByTestId("sop-publish").click();
    await expect
      .poll(() => page.getByTestId("sop-check").getAttribute("data-publishable"))
      .toBe("false");
    expect(await page.getByTestId("sop-check-coverage").textContent()).toContain("Kebakaran");
    await page.getByTestId("sop-publish-note").fill("Damkar tanpa cadangan");
    await page.getByTestId("sop-publish-confirm").click();
    await expect
      .poll(() => page.getByTestId("sop-publish-dialog").getByRole("alert").textContent())
      .toContain("belum dapat diterbitkan");
    await page.getByTestId("sop-publish-dialog").getByRole("button", { name: "Batal" }).click();
    expect(await liveVersion(page)).toBe("3");

    // Named again, the national fire number answers for Damkar and the draft publishes.
    await page.getByLabel("Cari aturan").fill("fire.base");
    if ((await card.getByTestId("rule-agency").count()) === 0)
      await card.getByTestId("rule-toggle").click();
    await damkar
      .getByLabel("Cadangan bila tidak ada instansi aktif")
      .fill("Pemadam kebakaran (nomor darurat 113)");
    await damkar.getByLabel("Cadangan bila tidak ada instansi aktif").press("Tab");
    await damkar.getByLabel("Nomor cadangan").fill("113");
    await damkar.getByLabel("Nomor cadangan").press("Tab");
    await expect.poll(() => page.getByTestId("sop-findings").getAttribute("data-errors")).toBe("0");
    await page.getByTestId("sop-save").click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toBe("Draf disimpan.");
    await page.getByTestId("sop-publish").click();
    await expect
      .poll(() => page.getByTestId("sop-check").getAttribute("data-publishable"))
      .toBe("true");
    await page.getByTestId("sop-publish-note").fill("Damkar kembali dialihkan ke 113");
    await page.getByTestId("sop-publish-confirm").click();
    await expect.poll(() => liveVersion(page)).toBe("4");
  });
});
