import { inArray, sql } from "drizzle-orm";
import type { TenantTx } from "../client.ts";
import { tenantSettings } from "../schema/tenants.ts";

/**
 * The tenant's settings among `keys` that hold a positive whole number, by key. A stored value
 * that is not one is left out, so the caller's default applies rather than a broken figure.
 */
export async function positiveWholeSettings<Key extends string>(
  tx: TenantTx,
  keys: readonly Key[],
): Promise<Partial<Record<Key, number>>> {
  const rows = await tx
    .select({ key: tenantSettings.key, value: tenantSettings.value })
    .from(tenantSettings)
    .where(inArray(tenantSettings.key, [...keys]));
  const settings: Partial<Record<Key, number>> = {};
  for (const row of rows) {
    const value = Number(row.value);
    if (Number.isInteger(value) && value > 0) settings[row.key as Key] = value;
  }
  return settings;
}

/** Stores `values` as the tenant's settings, replacing what those keys held. */
export async function setTenantSettings(
  tx: TenantTx,
  tenantId: string,
  values: Record<string, string>,
): Promise<void> {
  const rows = Object.entries(values).map(([key, value]) => ({ tenantId, key, value }));
  if (rows.length === 0) return;
  await tx
    .insert(tenantSettings)
    .values(rows)
    .onConflictDoUpdate({
      target: [tenantSettings.tenantId, tenantSettings.key],
      set: { value: sql`excluded.value`, updatedAt: sql`now()` },
    });
}
