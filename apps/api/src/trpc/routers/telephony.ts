import {
  currentTenantRegionCode,
  listRefusedTelephonyEvents,
  listTenantDids,
  listTrunks,
} from "@sigap/db/queries";
import { createSecretBox } from "../../security/secret-box.ts";
import { asteriskConfig } from "../../telephony/asterisk.ts";
import { refusedPage, sbcInput } from "../../telephony/inputs.ts";
import { kamailioDispatcher, kamailioPermissions } from "../../telephony/kamailio.ts";
import { kamailioSbc } from "../../telephony/kamailio-sbc.ts";
import { loadSbcRegions } from "../../telephony/sbc-regions.ts";
import { didsOn } from "../../telephony/trunk-dids.ts";
import { planTrunks } from "../../telephony/trunk-plan.ts";
import { exportedTrunk } from "../../telephony/trunk-view.ts";
import { createRouter, platformProcedure, tenantProcedure } from "../init.ts";

export const telephonyRouter = createRouter({
  /**
   * Telephony events the platform refused (unknown number, disabled trunk, bad signature, stale
   * timestamp), newest first, for platform admins diagnosing a region's switch.
   */
  refusedEvents: platformProcedure("telephony.viewRefused")
    .input(refusedPage)
    .query(async ({ ctx, input }) => {
      const rows = await listRefusedTelephonyEvents(ctx.db, ctx.auth.token, {
        before: input.before,
        limit: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        rows: page.map(({ cursor: _cursor, ...row }) => ({
          ...row,
          receivedAt: row.receivedAt.toISOString(),
        })),
        nextBefore: rows.length > input.limit && last ? last.cursor : null,
      };
    }),

  /**
   * The configuration the region's PBX/SBC operator pastes in: Asterisk (pjsip.conf sections and
   * an extensions.conf context per trunk) and Kamailio (dispatcher.list, permissions address
   * file). It carries the digest passwords in clear, so it is a mutation: taking secrets out is
   * audited (`telephony.export`) and must pass the CSRF check.
   */
  export: tenantProcedure("telephony.export").mutation(async ({ ctx }) => {
    const [rows, dids, regionCode] = await Promise.all([
      listTrunks(ctx.tx),
      listTenantDids(ctx.tx),
      currentTenantRegionCode(ctx.tx),
    ]);
    const box = createSecretBox(ctx.config.secretKeys);
    const tenant = { slug: ctx.tenant.slug, displayName: ctx.tenant.displayName, regionCode };
    const trunks = planTrunks(
      tenant,
      rows.map((row) => exportedTrunk(box, row, didsOn(dids, row.id))),
    );
    await ctx.audit({
      action: "telephony.export",
      targetType: "telephony_config",
      after: {
        trunks: trunks.map((trunk) => trunk.id),
        dids: trunks.reduce((sum, trunk) => sum + trunk.dids.length, 0),
        digestTrunks: trunks.filter((trunk) => trunk.auth.kind === "digest").length,
      },
    });
    return {
      asterisk: asteriskConfig(tenant, trunks),
      kamailio: {
        dispatcher: kamailioDispatcher(tenant, trunks),
        permissions: kamailioPermissions(tenant, trunks),
      },
    };
  }),

  /**
   * The platform SBC's Kamailio configuration for every region (script, regions include,
   * permissions address file). It carries every region's event secrets in clear, so only platform
   * staff may take it, as an audited mutation; no tenant export ever includes it.
   */
  sbcConfig: platformProcedure("telephony.exportSbc")
    .input(sbcInput)
    .mutation(async ({ ctx, input }) => {
      const regions = await loadSbcRegions(ctx.db, createSecretBox(ctx.config.secretKeys));
      const trunks = regions.flatMap((region) => region.trunks);
      await ctx.audit({
        action: "telephony.exportSbc",
        targetType: "telephony_config",
        after: {
          sipAddress: input.sipAddress,
          sipPort: input.sipPort,
          eventUrl: input.eventUrl,
          regions: regions.length,
          regionsWithoutDestination: regions
            .filter((region) => region.destination === null && region.trunks.length > 0)
            .map((region) => region.tenant.slug),
          trunks: trunks.length,
          trunksWithoutEventSecret: trunks.filter((trunk) => trunk.eventSecret === null).length,
        },
      });
      return { files: kamailioSbc(input, regions) };
    }),
});
