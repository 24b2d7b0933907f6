import { describe, expect, it } from "vitest";
import { openPage } from "./navigation.ts";
import { adminApi, useTenantAdminBrowser } from "./tenant-admin.ts";

// An incident under way needs more help than its first plan: what the SOP proposes once the facts
// change is offered ticked, another agency needs a reason, and both join the incident at once.

const arranged = useTenantAdminBrowser();
const api = adminApi(arranged);

describe("sending more agencies to an incident under way", () => {
  it("offers what the SOP now proposes and other agencies with a reason, then shows them sent", async () => {
    await api("onboarding.chooseSop", { templateCode: "national-default" });
    const damkar = await api<{ id: string }>("agencies.create", {
      agencyType: "damkar",
      name: "Damkar Kota",
    });
    await api("agencies.create", { agencyType: "psc119", name: "PSC 119 Dinkes" });
    await api("agencies.create", { agencyType: "bpbd", name: "BPBD Kota" });
    const { draft } = await api<{ draft: { updatedAt: string } }>("sop.workspace", {}, "query");
    await api("sop.publish", { note: "SOP nasional", updatedAt: draft.updatedAt });
    const { incidentId } = await api<{ incidentId: string }>("incidents.create", {
      origin: "walk_in",
      types: ["fire.building"],
      location: { address: "Pasar Baru", kecamatanCode: null, latitude: null, longitude: null },
    });
    await api("incidents.dispatch", {
      incidentId,
      agencies: [{ agencyId: damkar.id, role: "primary", lead: true }],
      removals: [],
    });
    // Someone is trapped after all: the SOP now asks for the ambulance too.
    await api("incidents.updateFacts", {
      incidentId,
      types: ["fire.building"],
      flags: ["people_trapped"],
      casualties: 1,
      location: { address: "Pasar Baru", kecamatanCode: null, latitude: null, longitude: null },
    });

    const page = await arranged.context.newPage();
    await openPage(page, `/t/${arranged.tenant.slug}/incidents/${incidentId}`);
    const more = page.getByTestId("more-agencies");
    expect(await more.getAttribute("open")).not.toBeNull();
    const proposed = more.locator('[data-testid="plan-line"][data-agency="PSC 119 Dinkes"]');
    expect(await proposed.getByTestId("plan-line-send").isChecked()).toBe(true);

    // Another agency by hand: its reason first.
    const bpbd = more.locator('[data-testid="plan-other"][data-agency="BPBD Kota"]');
    await bpbd.getByTestId("plan-other-send").check();
    await more.getByTestId("dispatch-submit").click();
    await expect
      .poll(() => bpbd.getByTestId("plan-other-reason").getAttribute("aria-invalid"))
      .toBe("true");
    await bpbd.getByTestId("plan-other-reason").fill("Bangunan sebelah retak");
    await more.getByTestId("dispatch-submit").click();

    const card = (agency: string) =>
      page.locator(`[data-testid="assignment"][data-agency="${agency}"]`);
    await expect.poll(() => card("PSC 119 Dinkes").count()).toBe(1);
    expect(await card("BPBD Kota").count()).toBe(1);
    await expect
      .poll(() => page.getByTestId("timeline").textContent())
      .toContain("Instansi tambahan dikirim: PSC 119 Dinkes, BPBD Kota");
    // Everything the region has is on its way: nothing more to offer.
    expect(await page.getByTestId("more-agencies").count()).toBe(0);
  });
});
