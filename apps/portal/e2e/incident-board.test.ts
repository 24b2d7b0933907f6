import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { openPage } from "./navigation.ts";
import { useTenantAdminBrowser } from "./tenant-admin.ts";

// A region's history outgrows one page of the board: the closed view shows the newest incidents
// and loads older ones on request, stays live with everything it shows, and a search through the
// URL narrows it (and its CSV) to what matches.

const arranged = useTenantAdminBrowser();

/** Incidents written as intake would have left them, `count` of them a minute apart from `from`. */
async function arrangeIncidents(
  count: number,
  options: { status: string; from: string; description?: string },
): Promise<void> {
  await arranged.database.owner.sql`
    insert into incidents (tenant_id, types, status, description, created_at)
    select ${arranged.tenant.id}, array['fire.building'], ${options.status}, ${options.description ?? null},
           ${options.from}::timestamptz + n * interval '1 minute'
      from generate_series(1, ${count}) as n`;
}

/** What an operator's change leaves behind: a timeline entry, which wakes every live view of the region. */
async function touch(incidentId: string, kind: string): Promise<void> {
  await arranged.database.owner.sql`
    insert into incident_timeline (tenant_id, incident_id, kind, actor_label)
    values (${arranged.tenant.id}, ${incidentId}, ${kind}, 'Uji')`;
}

describe("the incident board", () => {
  it("loads older incidents on request, keeps them live, and searches through the URL", async () => {
    await arrangeIncidents(102, { status: "closed", from: "2025-01-01 00:00+07" });
    await arrangeIncidents(3, {
      status: "closed",
      from: "2024-12-01 00:00+07",
      description: "Gudang terbakar di Pasar Baru",
    });
    await arrangeIncidents(1, { status: "new", from: "2025-02-01 00:00+07" });
    const page = await arranged.context.newPage();
    await openPage(page, `/t/${arranged.tenant.slug}/incidents?view=closed`);
    const rows = page.getByTestId("board-row");
    const ids = () =>
      rows.evaluateAll((elements) =>
        elements.map((element) => element.getAttribute("data-incident-id")),
      );
    await expect
      .poll(() => page.getByTestId("incidents-connection").getAttribute("data-state"))
      .toBe("live");

    // A page holds 100; the rest come on request, each once, even when a change reloads what is
    // shown while the next page is on its way.
    expect(await rows.count()).toBe(100);
    const more = page.getByTestId("board-load-more");
    await more.focus();
    const [shown] = await ids();
    await touch(shown ?? "", "note");
    await more.press("Enter");
    await expect.poll(() => rows.count()).toBe(105);
    expect(new Set(await ids()).size).toBe(105);
    expect(await more.count()).toBe(0);

    // The open incident is closed meanwhile: the view reads again all it shows, and it joins them.
    const [open] = await arranged.database.owner.sql<{ id: string }[]>`
      update incidents set status = 'closed', closed_at = now()
       where tenant_id = ${arranged.tenant.id} and status = 'new' returning id`;
    await touch(open?.id ?? "", "status_changed");
    await expect.poll(() => rows.count()).toBe(106);
    expect(new Set(await ids()).size).toBe(106);
    expect(await ids()).toContain(open?.id);

    // A search: typed, sent with Enter, kept in the URL with the view.
    const search = page.getByTestId("board-search");
    await search.fill("pasar baru");
    await search.press("Enter");
    await page.waitForURL(/\/incidents\?view=closed&q=pasar\+baru$/);
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByTestId("board-load-more").count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("incidents-csv").click(),
    ]);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv.trim().split("\r\n")).toHaveLength(4);

    await search.fill("tidak ada kejadian begini");
    await page.getByTestId("board-search-submit").click();
    await expect
      .poll(() => page.getByTestId("board-empty").textContent())
      .toBe("Tidak ada insiden yang cocok dengan pencarian.");
  });
});
