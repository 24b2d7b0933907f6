import { describe, expect, it } from "vitest";
import { openPage } from "./navigation.ts";
import { uniqueEmail } from "./people.ts";
import { useTenantAdminBrowser } from "./tenant-admin.ts";

// A region's members, more than one page of them: the list shows the first page and loads the
// rest on request; a search by name or email, a role or a state narrows it through the URL, and
// says so when nobody matches.

const arranged = useTenantAdminBrowser();

/** Members arranged directly in the database (they never sign in): `Petugas 01`… and one Budi. */
async function arrangeMembers(count: number): Promise<void> {
  const people = [
    ...Array.from({ length: count }, (_, index) => ({
      name: `Petugas ${String(index + 1).padStart(2, "0")}`,
      email: uniqueEmail("petugas"),
    })),
    { name: "Budi Santoso", email: uniqueEmail("budi.santoso") },
  ];
  const { owner } = arranged.database;
  for (const person of people) {
    await owner.sql`
      with person as (
        insert into users (email, display_name, password_hash)
        values (${person.email}, ${person.name}, 'not-used') returning id
      )
      insert into memberships (tenant_id, user_id, role)
      select ${arranged.tenant.id}, id, 'operator' from person`;
  }
}

describe("the members list", () => {
  it("shows a page of members, loads the rest on request, and searches through the URL", async () => {
    await arrangeMembers(55);
    const page = await arranged.context.newPage();
    await openPage(page, `/t/${arranged.tenant.slug}/users`);
    const rows = page.getByTestId("member-row");
    // 57 in all: the admin, Budi and 55 others; a page holds 50.
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByTestId("members-load-more").click();
    await expect.poll(() => rows.count()).toBe(57);
    expect(await page.getByTestId("members-load-more").count()).toBe(0);
    const emails = await rows.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute("data-email")),
    );
    expect(new Set(emails).size).toBe(57);

    // Typed and sent with Enter, in any case; the list and the URL follow, focus stays in the box.
    const search = page.getByTestId("member-search-q");
    await search.fill("  SANTOSO ");
    await search.press("Enter");
    await page.waitForURL(/\/users\?q=SANTOSO$/);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("Budi Santoso");
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);

    await search.fill("tidak ada orang begini");
    await page.getByTestId("member-search-q-submit").click();
    await expect
      .poll(() => page.getByTestId("members-empty").textContent())
      .toBe("Tidak ada pengguna yang cocok.");

    // A role applies as soon as it is chosen, with the text typed so far.
    await search.fill("");
    await page.getByTestId("member-search-role").selectOption("tenant_admin");
    await page.waitForURL(/\/users\?role=tenant_admin$/);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-email")).toBe(arranged.admin.email);

    // The URL alone shows the same list (a shared link, a reload).
    await openPage(page, `/t/${arranged.tenant.slug}/users?q=petugas%2005&state=active`);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByTestId("member-search-state").inputValue()).toBe("active");
    await page.getByTestId("member-search-clear").click();
    await page.waitForURL(new RegExp(`/t/${arranged.tenant.slug}/users$`));
    await expect.poll(() => rows.count()).toBe(50);
  });
});
