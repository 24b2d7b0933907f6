import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openPage } from "./navigation.ts";
import { markOnPanelMap, supervisorPage, useCallCentre } from "./call-centre.ts";
import { deviceFix, reportCallEvent } from "./telephony.ts";

// An operator closes an emergency call from the call panel, marking the place on the map beside
// the device's own fix; the supervisor sees the call on the wallboard and downloads the report.

const centre = useCallCentre({ operator: "Dewi Operator", supervisor: "Rudi Supervisor" });
const { arranged } = centre;

describe("the call desk", () => {
  it("closes an emergency with its incident type and the place marked on the map, and opens an incident", async () => {
    await openPage(centre.page, `/t/${arranged.tenant.slug}/calls`);
    await centre.page.getByTestId("seat-name").fill("meja-3");
    await centre.page.getByTestId("seat-take").click();
    await expect
      .poll(() => centre.page.getByTestId("seat-current").textContent())
      .toContain("meja-3");

    const callId = randomUUID();
    const location = deviceFix();
    const report = (type: string, extra: Record<string, unknown> = {}) =>
      reportCallEvent(arranged.e2e.portalUrl, centre.line.secret, {
        type,
        callId,
        did: centre.line.did,
        caller: "0812 7777 8888",
        location,
        ...extra,
      });
    expect(await report("call.offered")).toBe(200);
    expect(await report("call.answered", { seat: "meja-3" })).toBe(200);

    const panel = centre.page.getByTestId("call-panel");
    await markOnPanelMap(panel);
    expect(await panel.getByTestId("map-device").count()).toBe(1);

    await panel.getByTestId("classify-emergency").check();
    await panel.getByTestId("classify-submit").click();
    await expect
      .poll(() => panel.textContent())
      .toContain("Pilih jenis kejadian untuk panggilan darurat.");
    await panel.getByTestId("incident-main-type").selectOption("traffic_accident");
    await panel.getByTestId("incident-extra-type").selectOption("fire.vehicle");
    await panel.getByLabel("Alamat atau patokan").fill("Jl. Raya Porong km 3");
    await panel.getByTestId("classify-submit").click();
    await expect
      .poll(() => centre.page.getByTestId("notice").textContent())
      .toContain("kejadian baru dibuat");

    const [incident] = await arranged.database.owner.sql<
      { types: string[]; address: string; has_point: boolean }[]
    >`
      select i.types, i.location->>'address' as address, (i.location->>'latitude') is not null as has_point
        from incidents i join calls c on c.tenant_id = i.tenant_id and c.incident_id = i.id
       where c.tenant_id = ${arranged.tenant.id} and c.external_call_id = ${callId}`;
    expect(incident).toEqual({
      types: ["traffic_accident", "fire.vehicle"],
      address: "Jl. Raya Porong km 3",
      has_point: true,
    });
  });

  it("shows the supervisor today's figures, the operator at their seat, and a report to download", async () => {
    const watching = await supervisorPage(centre);
    await openPage(watching, `/t/${arranged.tenant.slug}`);
    await watching.getByRole("link", { name: "Papan supervisor", exact: true }).click();
    await watching.waitForURL(`**/t/${arranged.tenant.slug}/wallboard`);

    await expect.poll(() => watching.getByTestId("tile-offered").textContent()).toBe("1");
    await expect
      .poll(() => watching.getByTestId("wallboard-seat").textContent())
      .toContain("Dewi Operator");
    expect(await watching.getByTestId("wallboard-mix").textContent()).toContain("Darurat: 1");

    await expect
      .poll(() => watching.getByTestId("report-row").last().textContent())
      .toContain("Jumlah");
    const [download] = await Promise.all([
      watching.waitForEvent("download"),
      watching.getByTestId("report-csv").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(
        `^panggilan-${arranged.tenant.slug}-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.csv$`,
      ),
    );
  });

  it("lets the region's admin shorten how long calls are kept, naming a value out of bounds first", async () => {
    const adminPage = await arranged.context.newPage();
    await openPage(adminPage, `/t/${arranged.tenant.slug}`);
    await adminPage.getByRole("link", { name: "Pengaturan panggilan", exact: true }).click();
    const form = adminPage.getByTestId("call-settings");
    await expect.poll(() => form.getByTestId("setting-retentionDays").inputValue()).toBe("365");

    await form.getByTestId("setting-retentionDays").fill("7");
    await form.getByTestId("call-settings-save").click();
    await expect.poll(() => form.textContent()).toContain("Isi 30 sampai 3.650 hari.");

    await form.getByTestId("setting-retentionDays").fill("90");
    await form.getByTestId("call-settings-save").click();
    await expect
      .poll(() => form.getByTestId("notice").textContent())
      .toContain("Pengaturan panggilan disimpan.");
    const [stored] = await arranged.database.owner.sql<{ value: string }[]>`
      select value from tenant_settings where tenant_id = ${arranged.tenant.id} and key = 'call_retention_days'`;
    expect(stored?.value).toBe("90");
  });
});
