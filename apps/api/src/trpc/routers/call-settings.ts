import { z } from "zod";
import { setTenantSettings } from "@sigap/db/queries";
import {
  callSettingKeys,
  tenantCallSettings,
  type CallSettings,
} from "../../calls/call-settings.ts";
import { createRouter, tenantProcedure } from "../init.ts";

const wholeNumber = (field: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be at least ${String(min)} ${unit}` })
    .max(max, { error: `${field} must be at most ${String(max)} ${unit}` });

/** The rules a region may set, within bounds that keep calls long enough to answer complaints and the suggestion meaningful. */
const settingsInput = z.object({
  retentionDays: wholeNumber("retentionDays", 30, 3650, "days"),
  prankBlockAfterCalls: wholeNumber("prankBlockAfterCalls", 2, 20, "calls"),
  prankBlockWithinHours: wholeNumber("prankBlockWithinHours", 1, 720, "hours"),
});

/** A region's rules for its calls: how long they are kept, and when to suggest blocking a prankster. */
export const callSettingsRouter = createRouter({
  get: tenantProcedure("calls.configure").query(({ ctx }) => tenantCallSettings(ctx.tx)),

  update: tenantProcedure("calls.configure")
    .input(settingsInput)
    .mutation(async ({ ctx, input }) => {
      const before = await tenantCallSettings(ctx.tx);
      const values = Object.fromEntries(
        Object.entries(callSettingKeys).map(([name, key]) => [
          key,
          String(input[name as keyof CallSettings]),
        ]),
      );
      await setTenantSettings(ctx.tx, ctx.tenant.id, values);
      await ctx.audit({
        action: "calls.configure",
        targetType: "tenant_settings",
        before,
        after: input,
      });
      return input;
    }),
});
