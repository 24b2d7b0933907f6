import type { TenantTx } from "@sigap/db/client";
import { callRetentionSetting, positiveWholeSettings } from "@sigap/db/queries";
import { defaultCallRetentionDays } from "./retention.ts";

// A region's own rules for its calls, kept as tenant settings: how long calls are kept, and when
// the call panel suggests blocking a prank caller.

/** The tenant setting of each rule. */
export const callSettingKeys = {
  retentionDays: callRetentionSetting,
  prankBlockAfterCalls: "prank_block_after_calls",
  prankBlockWithinHours: "prank_block_within_hours",
} as const;

export type CallSettings = Record<keyof typeof callSettingKeys, number>;

/** What applies where a region has set nothing: a year of calls; suggest a block at the third prank in a day. */
export const defaultCallSettings: CallSettings = {
  retentionDays: defaultCallRetentionDays,
  prankBlockAfterCalls: 3,
  prankBlockWithinHours: 24,
};

/** The tenant's call rules, its own where set, the defaults elsewhere. */
export async function tenantCallSettings(tx: TenantTx): Promise<CallSettings> {
  const stored = await positiveWholeSettings(tx, Object.values(callSettingKeys));
  const settings = { ...defaultCallSettings };
  for (const [name, key] of Object.entries(callSettingKeys) as [
    keyof CallSettings,
    (typeof callSettingKeys)[keyof CallSettings],
  ][]) {
    settings[name] = stored[key] ?? settings[name];
  }
  return settings;
}
