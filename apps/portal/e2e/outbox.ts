import type { Page } from "playwright-core";
import { openPage } from "./navigation.ts";

/**
 * The newest invitation link mailed to `email`, read from the development outbox by `platform`, a
 * page signed in as a platform admin: the outbox holds live links, so nobody else may read it.
 */
export async function invitationLinkFromOutbox(platform: Page, email: string): Promise<string> {
  await openPage(platform, "/dev/outbox");
  await platform
    .getByTestId("outbox-row")
    .filter({ hasText: email })
    .first()
    .getByRole("link")
    .click();
  await platform.getByTestId("message-body").waitFor();
  const link = await platform
    .getByTestId("message-body")
    .getByRole("link")
    .filter({ hasText: "/invite/" })
    .first()
    .getAttribute("href");
  if (!link) throw new Error(`no invitation link in the mail to ${email}`);
  return link;
}
