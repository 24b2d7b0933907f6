import { eq } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { tenantSettings } from "../schema/tenants.ts";
import { setTenantSettings } from "./tenant-settings.ts";

// Inside one tenant's `withTenant`: where the platform's SBC forwards the region's 112 calls.

/** The tenant setting that holds its call-taking destination, a SIP URI (the region's PBX or operator seats). */
export const callDestinationSetting = "call_destination";

/** The stored destination as text, if the tenant set one; the caller validates it. */
export async function tenantCallDestination(tx: TenantTx): Promise<string | undefined> {
  const [row] = await tx
    .select({ value: tenantSettings.value })
    .from(tenantSettings)
    .where(eq(tenantSettings.key, callDestinationSetting));
  return row?.value;
}

/** Stores the tenant's destination, or removes it (null). */
export async function setTenantCallDestination(
  tx: TenantTx,
  tenantId: string,
  destination: string | null,
): Promise<void> {
  if (destination === null) {
    await tx.delete(tenantSettings).where(eq(tenantSettings.key, callDestinationSetting));
    return;
  }
  await setTenantSettings(tx, tenantId, { [callDestinationSetting]: destination });
}
