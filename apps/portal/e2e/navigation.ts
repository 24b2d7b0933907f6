import type { Page } from "playwright-core";

/**
 * Opens `path` and waits until the app has hydrated (the root layout marks `<html data-hydrated>`):
 * a click before that lands on server-rendered HTML with no handler attached, and is lost.
 */
export async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** No page may scroll sideways on a phone. */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
