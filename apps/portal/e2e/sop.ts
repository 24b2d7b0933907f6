import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * On the onboarding SOP step, after the template became the draft: publishes version 1 through the
 * publish dialog, once its check (validation and test cases) says the draft may be published.
 */
export async function publishFirstSopVersion(page: Page): Promise<void> {
  await page.getByTestId("sop-step-publish").click();
  await expect
    .poll(() => page.getByTestId("sop-check").getAttribute("data-publishable"))
    .toBe("true");
  await page.getByTestId("sop-publish-note").fill("Versi pertama dari templat nasional");
  await page.getByTestId("sop-publish-confirm").click();
  await expect.poll(() => page.getByTestId("sop-step-status").textContent()).toContain("versi 1");
}
