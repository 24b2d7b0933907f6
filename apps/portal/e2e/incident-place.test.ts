import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { markOnPanelMap, useCallCentre } from "./call-centre.ts";
import { fitsWidth, openPage } from "./navigation.ts";
import { deviceFix, reportCallEvent } from "./telephony.ts";

// Where an incident is: a second caller of the same fire, from the same street, is offered the open
// incident near them and attached to it instead of opening another; on the incident page the
// operator moves its point with a click on the map (or by typing the coordinates), beside the
// callers' phones, whose fixes never move it.

const centre = useCallCentre({ operator: "Dewi Operator", supervisor: "Rudi Supervisor" });
const { arranged } = centre;
const seat = "meja-2";
let incidentId: string;

/** A call from `caller`'s phone (at the same fix each time) offered to the line and answered at the seat. */
async function answeredCall(caller: string): Promise<void> {
  const callId = randomUUID();
  const location = deviceFix();
  const report = (type: string, extra: Record<string, unknown> = {}) =>
    reportCallEvent(arranged.e2e.portalUrl, centre.line.secret, {
      type,
      callId,
      did: centre.line.did,
      caller,
      location,
      ...extra,
    });
  expect(await report("call.offered")).toBe(200);
  expect(await report("call.answered", { seat })).toBe(200);
}

async function storedLocation(): Promise<
  { latitude: number | null; longitude: number | null } | undefined
> {
  const [row] = await arranged.database.owner.sql<
    { location: { latitude: number | null; longitude: number | null } }[]
  >`
    select location from incidents where tenant_id = ${arranged.tenant.id} and id = ${incidentId}`;
  return row?.location;
}

describe("where an incident is", () => {
  it("offers a second caller near an open incident of the same kind to attach the call to it, and lists both calls there", async () => {
    const page = centre.page;
    await openPage(page, `/t/${arranged.tenant.slug}/calls`);
    await page.getByTestId("seat-name").fill(seat);
    await page.getByTestId("seat-take").click();
    await expect.poll(() => page.getByTestId("seat-current").textContent()).toContain(seat);

    await answeredCall("0812 1111 2222");
    const panel = page.getByTestId("call-panel");
    await markOnPanelMap(panel);
    await panel.getByTestId("classify-emergency").check();
    await panel.getByTestId("incident-main-type").selectOption("fire.building");
    await panel.getByTestId("classify-submit").click();
    await expect
      .poll(() => page.getByTestId("notice").textContent())
      .toContain("kejadian baru dibuat");
    incidentId =
      (await page.getByTestId("desk-incident-link").getAttribute("href"))?.split("/").at(-1) ?? "";
    expect(incidentId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => panel.count()).toBe(0);

    // The same fire from another phone at the same place: marked where the first caller was.
    await answeredCall("0813 5555 6666");
    await markOnPanelMap(panel);
    await panel.getByTestId("classify-emergency").check();
    await panel.getByTestId("incident-main-type").selectOption("fire.building");
    const hint = panel.getByTestId("nearby-incidents");
    await expect
      .poll(() => hint.locator("legend").textContent())
      .toBe("Insiden terbuka di dekat sini");
    await hint
      .locator(`[data-testid="nearby-incident"][data-incident-id="${incidentId}"]`)
      .getByTestId("nearby-attach")
      .check();
    await panel.getByTestId("classify-submit").click();
    await expect
      .poll(() => page.getByTestId("notice").textContent())
      .toContain("dilampirkan ke insiden yang sudah terbuka");

    const [{ count } = { count: -1 }] = await arranged.database.owner.sql<{ count: number }[]>`
      select count(*)::int as count from incidents where tenant_id = ${arranged.tenant.id}`;
    expect(count).toBe(1);
    await page.getByTestId("desk-incident-link").click();
    await page.waitForURL(`**/incidents/${incidentId}`);
    await expect.poll(() => page.getByTestId("incident-calls").locator("li").count()).toBe(2);
  });

  it("moves the incident's point with a click on its map beside both phones, or by typing it, on a phone's width", async () => {
    const page = centre.page;
    await page.setViewportSize({ width: 390, height: 844 });
    const incidentPath = `/t/${arranged.tenant.slug}/incidents/${incidentId}`;
    await openPage(page, incidentPath);
    await page.getByTestId("facts-edit").click();
    const form = page.getByTestId("facts-form");
    const map = form.getByTestId("facts-map");
    const latitude = form.getByTestId("facts-latitude");
    const longitude = form.getByTestId("facts-longitude");
    // Each caller's phone is drawn; the point is still where the first call marked it.
    await expect.poll(() => map.getByTestId("map-device").count()).toBe(2);
    const marked = await storedLocation();
    expect(await latitude.inputValue()).toBe(String(marked?.latitude));

    const region = map.getByTestId("region-map");
    const box = await region.boundingBox();
    if (!box) throw new Error("the map is not drawn");
    await region.click({ position: { x: (box.width * 2) / 3, y: (box.height * 2) / 3 } });
    await expect.poll(() => latitude.inputValue()).not.toBe(String(marked?.latitude));
    const moved = {
      latitude: Number(await latitude.inputValue()),
      longitude: Number(await longitude.inputValue()),
    };
    expect(await map.getByTestId("marked-point").textContent()).toContain(
      `${moved.latitude.toFixed(5)}, ${moved.longitude.toFixed(5)}`,
    );
    expect(await fitsWidth(page)).toBe(true);
    await form.getByTestId("facts-form-submit").click();
    await expect.poll(() => form.count()).toBe(0);

    // Read again from the server: the point clicked, not either phone's fix.
    await openPage(page, incidentPath);
    await page.getByTestId("facts-edit").click();
    await expect.poll(() => latitude.inputValue()).toBe(String(moved.latitude));
    expect(await longitude.inputValue()).toBe(String(moved.longitude));
    expect(await storedLocation()).toMatchObject(moved);
    expect(moved.latitude).not.toBe(deviceFix().latitude);

    // By keyboard: the coordinates typed, with a decimal comma; half a point is refused.
    await latitude.fill("-7,4512");
    await longitude.fill("");
    await form.getByTestId("facts-form-submit").click();
    await expect
      .poll(() => form.getByTestId("field-error-location.longitude").textContent())
      .toBe("Isi bujur antara -180 dan 180 bersama lintangnya, atau kosongkan keduanya.");
    await longitude.fill("112,7215");
    await expect
      .poll(() => map.getByTestId("marked-point").textContent())
      .toContain("-7.45120, 112.72150");
    await form.getByTestId("facts-form-submit").click();
    await expect.poll(() => form.count()).toBe(0);
    expect(await storedLocation()).toMatchObject({ latitude: -7.4512, longitude: 112.7215 });
  });

  it("takes the desa/kelurahan from the chosen kecamatan's own list", async () => {
    const page = centre.page;
    const incidentPath = `/t/${arranged.tenant.slug}/incidents/${incidentId}`;
    await openPage(page, incidentPath);
    await page.getByTestId("facts-edit").click();
    const form = page.getByTestId("facts-form");
    const kecamatan = form.getByTestId("facts-kecamatan");
    const village = form.getByTestId("facts-village");
    const kecamatanCode = (await kecamatan.locator("option").nth(1).getAttribute("value")) ?? "";
    await kecamatan.selectOption(kecamatanCode);
    await expect.poll(() => village.locator("option").count()).toBeGreaterThan(1);
    const villageCode = (await village.locator("option").nth(1).getAttribute("value")) ?? "";
    expect(villageCode.startsWith(`${kecamatanCode}.`)).toBe(true);
    await village.selectOption(villageCode);
    await form.getByTestId("facts-form-submit").click();
    await expect.poll(() => form.count()).toBe(0);
    const [row] = await arranged.database.owner.sql<{ village_code: string | null }[]>`
      select village_code from incidents where tenant_id = ${arranged.tenant.id} and id = ${incidentId}`;
    expect(row?.village_code).toBe(villageCode);

    await openPage(page, incidentPath);
    await page.getByTestId("facts-edit").click();
    await expect.poll(() => page.getByTestId("facts-village").inputValue()).toBe(villageCode);
  });
});
