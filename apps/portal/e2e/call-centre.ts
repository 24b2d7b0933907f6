import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { createMember, deleteUsers, signedInContext } from "./people.ts";
import { arrangeTrunk } from "./telephony.ts";
import { useTenantAdminBrowser, type TenantAdminBrowser } from "./tenant-admin.ts";

export interface CallCentre {
  arranged: TenantAdminBrowser;
  /** The tenant's 112 line and its event secret, for reporting calls as its switch would. */
  line: { did: string; secret: string };
  operator: Awaited<ReturnType<typeof createMember>>;
  supervisor: Awaited<ReturnType<typeof createMember>>;
  /** A page signed in as the operator. */
  page: Page;
}

/**
 * A region taking calls: the tenant admin's arrangement plus a trunk with a line, an operator
 * (with a signed-in page) and a supervisor. Call it at a file's top level, like useTenantAdminBrowser.
 */
export function useCallCentre(
  names: { operator: string; supervisor: string },
  stack: Parameters<typeof useTenantAdminBrowser>[0] = {},
): CallCentre {
  const centre = { arranged: useTenantAdminBrowser(stack) } as CallCentre;
  beforeAll(async () => {
    const { e2e, database, tenant, cookie } = centre.arranged;
    centre.line = await arrangeTrunk(e2e.portalUrl, cookie, tenant.slug);
    centre.operator = await createMember(database.owner, tenant.id, "operator", names.operator);
    centre.supervisor = await createMember(
      database.owner,
      tenant.id,
      "supervisor",
      names.supervisor,
    );
    centre.page = await (
      await signedInContext(e2e.browser, e2e.portalUrl, database.owner, centre.operator.id)
    ).newPage();
  });
  afterAll(async () => {
    await deleteUsers(centre.arranged.database.owner, [
      centre.operator.email,
      centre.supervisor.email,
    ]);
  });
  return centre;
}

/** A page signed in as the centre's supervisor. */
export async function supervisorPage(centre: CallCentre): Promise<Page> {
  const { e2e, database } = centre.arranged;
  return (
    await signedInContext(e2e.browser, e2e.portalUrl, database.owner, centre.supervisor.id)
  ).newPage();
}

/** Marks the incident's place on the call panel's map by clicking it, once the device's fix is drawn there. */
export async function markOnPanelMap(panel: Locator): Promise<void> {
  await expect.poll(() => panel.getByTestId("map-device").count()).toBe(1);
  const map = panel.getByTestId("region-map");
  const box = await map.boundingBox();
  if (!box) throw new Error("the map is not drawn");
  await map.click({ position: { x: box.width / 3, y: box.height / 3 } });
  await expect
    .poll(() => panel.getByTestId("marked-point").textContent())
    .toMatch(/Titik: -?\d+\.\d{5}, \d+\.\d{5}/);
}
