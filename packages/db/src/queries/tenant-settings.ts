import { inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { tenantSettings } from "../schema/tenants.ts";

/**
 * The tenant's settings among `keys` that hold a positive whole number, by key. A stored value
 * that is not one is left out, so the caller's default applies rather than a broken figure.
 */
export async function positiveWholeSettings<Key extends string>(tx: Executor, keys: readonly Key[]): Promise<Partial<Record<Key, number>>> {
  const rows = await tx.select({ key: tenantSettings.key, value: tenantSettings.value }).from(tenantSettings).where(inArray(tenantSettings.key, [...keys]));
  const settings: Partial<Record<Key, number>> = {};
  for (const row of rows) {
    const value = Number(row.value);
    if (Number.isInteger(value) && value > 0) settings[row.key as Key] = value;
  }
  return settings;
}
