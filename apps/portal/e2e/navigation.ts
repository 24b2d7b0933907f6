import type { Page } from "playwright-core";

/**
 * Opens `path` and waits until the app has hydrated (the root layout marks `<html data-hydrated>`):
 * a click before that lands on server-rendered HTML with no handler attached, and is lost.
 */
export async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/**
 * No page may scroll sideways on a phone. Measured against the screen, not `window.innerWidth`: a
 * mobile browser widens its layout viewport to take in a page that is too wide (and zooms out).
 */
export async function fitsWidth(page: Page): Promise<boolean> {
  const screenWidth = page.viewportSize()?.width;
  if (screenWidth === undefined)
    throw new Error("the page has no fixed viewport to measure against");
  return page.evaluate((width) => document.documentElement.scrollWidth <= width, screenWidth);
}
