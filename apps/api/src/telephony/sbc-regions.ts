import type { Database } from "@sigap/db/client";
import {
  listTenantDids,
  listTenantDirectory,
  listTrunks,
  tenantCallDestination,
  type TrunkRow,
} from "@sigap/db/queries";
import { asTenantId, withTenant } from "@sigap/tenancy";
import type { SecretBox } from "../security/secret-box.ts";
import { normalizeSipUri } from "../validation/sip-uri.ts";
import { openEventSecret } from "./event-secret.ts";
import type { SbcRegion } from "./kamailio-sbc.ts";
import { didsOn } from "./trunk-dids.ts";
import { planTrunks, type TelephonyTrunk } from "./trunk-plan.ts";

/**
 * What the SBC needs of a trunk. Digest trunks are known by their signalling host; the SBC never
 * registers with the carrier, so their password stays sealed and is not carried.
 */
function sbcTrunk(row: TrunkRow, dids: string[]): TelephonyTrunk {
  const auth: TelephonyTrunk["auth"] =
    row.auth === "digest"
      ? { kind: "digest", username: row.digestUsername ?? "", password: "" }
      : { kind: "ip_allow_list", addresses: row.allowedAddresses ?? [] };
  const { id, name, carrier, sipHost, sipPort, transport, maxChannels, codecs, status } = row;
  return {
    id,
    name,
    carrier,
    sipHost,
    sipPort,
    transport,
    maxChannels,
    codecs,
    status,
    auth,
    dids,
  };
}

/**
 * Every region's trunks, numbers, event secrets (opened) and call-taking destination, each read
 * in that tenant's own transaction (a tenant removed meanwhile reads as one without trunks). Every
 * tenant is included whatever its status: a suspended region still takes 112 calls. A stored destination that is not a valid SIP URI counts as none.
 */
export async function loadSbcRegions(db: Database, box: SecretBox): Promise<SbcRegion[]> {
  const directory = (await listTenantDirectory(db)).toSorted((a, b) => (a.slug < b.slug ? -1 : 1));
  const regions: SbcRegion[] = [];
  for (const entry of directory) {
    const region = await withTenant(
      db,
      asTenantId(entry.tenantId),
      async (tx) => {
        const [rows, dids, destination] = await Promise.all([
          listTrunks(tx),
          listTenantDids(tx),
          tenantCallDestination(tx),
        ]);
        const tenant = {
          slug: entry.slug,
          displayName: entry.displayName,
          regionCode: entry.regionCode,
        };
        const sealed = new Map(rows.map((row) => [row.id, row.eventSecretEncrypted]));
        const planned = planTrunks(
          tenant,
          rows.map((row) => sbcTrunk(row, didsOn(dids, row.id))),
        );
        const trunks = planned.map((trunk) => {
          const secret = sealed.get(trunk.id);
          return { ...trunk, eventSecret: secret ? openEventSecret(box, trunk.id, secret) : null };
        });
        return {
          tenant,
          destination: destination === undefined ? null : (normalizeSipUri(destination) ?? null),
          trunks,
        };
      },
      { readOnly: true },
    );
    regions.push(region);
  }
  return regions;
}
