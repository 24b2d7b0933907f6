import { isIP } from "node:net";
import { commentText, hostPort, type PlannedTrunk, type TelephonyTenant } from "./trunk-plan.ts";

function header(kind: string, tenant: TelephonyTenant, columns: string): string[] {
  return [
    `# Sigap 112 ${kind} for ${commentText(tenant.displayName)} (${tenant.slug}, region ${tenant.regionCode})`,
    "# Generated; edit the trunks in Sigap 112 and export again rather than editing here.",
    `# ${columns}`,
    "",
  ];
}

/**
 * dispatcher.list: one set per trunk (set id = region digits × 1000 + position) holding the
 * carrier's signalling address; `duid` names the trunk, `maxload` its channel limit.
 */
export function kamailioDispatcher(
  tenant: TelephonyTenant,
  trunks: readonly PlannedTrunk[],
): string {
  return [
    ...header("dispatcher list", tenant, "setid destination flags priority attributes"),
    ...trunks.flatMap((trunk) => {
      const transport = `;transport=${trunk.transport}`;
      const attributes = `duid=${trunk.key};maxload=${String(trunk.maxChannels)};tenant=${tenant.slug}`;
      return [
        `# ${commentText(trunk.name)}`,
        `${String(trunk.setId)} sip:${hostPort(trunk.sipHost, trunk.sipPort)}${transport} 0 0 ${attributes}`,
      ];
    }),
    "",
  ].join("\n");
}

/** `address netmask` for the permissions address file (IPv6 in brackets; a host name as it is). */
function addressAndMask(entry: string): string {
  const [address = entry, prefix] = entry.split("/");
  const family = isIP(address);
  if (family === 0) return `${address} 32`;
  const mask = prefix ?? (family === 4 ? "32" : "128");
  return `${family === 6 ? `[${address}]` : address} ${mask}`;
}

/**
 * The permissions module's address file: where each trunk's traffic may come from, in a group
 * equal to the trunk's dispatcher set (so `allow_source_address_group()` tells the trunk). Digest
 * trunks are known by their signalling host; IP allow-list trunks by their listed addresses. Port
 * 0 matches any source port.
 */
export function kamailioPermissions(
  tenant: TelephonyTenant,
  trunks: readonly PlannedTrunk[],
): string {
  return [
    ...header("permissions address list", tenant, "groupid address netmask port tag"),
    ...trunks.flatMap((trunk) => {
      const sources =
        trunk.auth.kind === "digest" ? [trunk.sipHost] : trunk.auth.addresses.toSorted();
      return [
        `# ${commentText(trunk.name)}`,
        ...sources.map(
          (source) =>
            `${String(trunk.setId)} ${addressAndMask(source)} 0 ${tenant.slug}:${trunk.key}`,
        ),
      ];
    }),
    "",
  ].join("\n");
}
