import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// A webhook is a request the platform makes to an address a tenant admin typed: pointed at the
// platform's own network (loopback, cloud metadata at 169.254.169.254, the database, other
// tenants' services) it would be server-side request forgery. Only public unicast addresses are
// targets, unless the operator lists an on-premises network as allowed (SIGAP_WEBHOOK_ALLOWED_NETWORKS).

/** IANA special-purpose and non-unicast ranges (RFC 6890 and its updates): none is the public internet. */
const nonPublicRanges: [network: string, prefix: number, type: "ipv4" | "ipv6"][] = [
  ["0.0.0.0", 8, "ipv4"], // "this network"
  ["10.0.0.0", 8, "ipv4"],
  ["100.64.0.0", 10, "ipv4"], // carrier-grade NAT
  ["127.0.0.0", 8, "ipv4"],
  ["169.254.0.0", 16, "ipv4"], // link-local, cloud metadata
  ["172.16.0.0", 12, "ipv4"],
  ["192.0.0.0", 24, "ipv4"],
  ["192.0.2.0", 24, "ipv4"], // documentation
  ["192.88.99.0", 24, "ipv4"], // 6to4 relay
  ["192.168.0.0", 16, "ipv4"],
  ["198.18.0.0", 15, "ipv4"], // benchmarking
  ["198.51.100.0", 24, "ipv4"],
  ["203.0.113.0", 24, "ipv4"],
  ["224.0.0.0", 4, "ipv4"], // multicast
  ["240.0.0.0", 4, "ipv4"], // reserved, broadcast
  ["::", 96, "ipv6"], // unspecified, loopback, IPv4-compatible
  // IPv4-mapped (::ffff:0:0/96) is not listed: BlockList would then match every IPv4 address;
  // mapped addresses are judged as the IPv4 address they carry (comparable, below).
  ["64:ff9b::", 96, "ipv6"], // NAT64: reaches whatever IPv4 it embeds
  ["64:ff9b:1::", 48, "ipv6"],
  ["100::", 64, "ipv6"], // discard
  ["2001::", 23, "ipv6"], // IETF protocol assignments, Teredo
  ["2001:db8::", 32, "ipv6"], // documentation
  ["2002::", 16, "ipv6"], // 6to4: embeds any IPv4
  ["fc00::", 7, "ipv6"], // unique local
  ["fe80::", 10, "ipv6"], // link-local
  ["fec0::", 10, "ipv6"], // site-local (deprecated)
  ["ff00::", 8, "ipv6"], // multicast
];

const nonPublic = new BlockList();
for (const [network, prefix, type] of nonPublicRanges) nonPublic.addSubnet(network, prefix, type);

/** `[::1]` as URL.hostname spells it → `::1`. */
function bareAddress(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/** The IPv4 address an IPv4-mapped IPv6 address (`::ffff:7f00:1`, `::ffff:127.0.0.1`) stands for. */
function mappedIpv4(address: string): string | undefined {
  const match = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!match) return undefined;
  if (match[1]) return match[1];
  const high = Number.parseInt(match[2] ?? "0", 16);
  const low = Number.parseInt(match[3] ?? "0", 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** The IP address a URL's hostname is, or undefined for a name. WHATWG URL parsing has already turned `0x7f000001`, `2130706433` and `0177.0.0.1` into `127.0.0.1`. */
export function literalAddress(hostname: string): string | undefined {
  const bare = bareAddress(hostname);
  return isIP(bare) === 0 ? undefined : bare;
}

/** An address as the range lists compare it: brackets dropped, IPv4-mapped IPv6 as its IPv4. */
function comparable(address: string): { address: string; type: "ipv4" | "ipv6" } | undefined {
  const bare = bareAddress(address);
  const plain = mappedIpv4(bare) ?? bare;
  const family = isIP(plain);
  if (family === 0) return undefined;
  return { address: plain, type: family === 4 ? "ipv4" : "ipv6" };
}

/** Whether `address` (an IP address) is on the public internet; anything unparsable is not. */
export function isPublicAddress(address: string): boolean {
  const parsed = comparable(address);
  return parsed !== undefined && !nonPublic.check(parsed.address, parsed.type);
}

/** Networks an operator allows as webhook targets although they are not public (on-premises agency systems). */
export type AllowedNetworks = readonly string[];

/** `10.20.0.0/16` or a single address; undefined when `entry` is neither. */
function parseNetwork(
  entry: string,
): { network: string; prefix: number; type: "ipv4" | "ipv6" } | undefined {
  const [network = "", prefixText, ...rest] = entry.trim().split("/");
  const family = isIP(network);
  if (family === 0 || rest.length > 0) return undefined;
  const bits = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > bits ||
    (prefixText !== undefined && !/^\d+$/.test(prefixText))
  )
    return undefined;
  return { network, prefix, type: family === 4 ? "ipv4" : "ipv6" };
}

/** Why an allow-list entry is not a network, or undefined; for env.ts. */
export function allowedNetworkProblem(entry: string): string | undefined {
  return parseNetwork(entry)
    ? undefined
    : `${entry} is not an IP address or a CIDR network such as 10.20.0.0/16`;
}

function allowList(networks: AllowedNetworks): BlockList {
  const list = new BlockList();
  for (const entry of networks) {
    const parsed = parseNetwork(entry);
    if (parsed) list.addSubnet(parsed.network, parsed.prefix, parsed.type);
  }
  return list;
}

/** Whether a webhook may connect to `address`: public, or inside a network the operator allowed. */
export function isAllowedTarget(address: string, allowed: AllowedNetworks = []): boolean {
  if (isPublicAddress(address)) return true;
  const parsed = comparable(address);
  return parsed !== undefined && allowList(allowed).check(parsed.address, parsed.type);
}

export class WebhookTargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookTargetRefused";
  }
}

/** Where a delivery connects: `address` for the socket, `url` (its host name) for Host and TLS. */
export interface WebhookTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * What delivery calls just before connecting: resolves the webhook's host now and refuses it when
 * any address it resolves to is not an allowed target. Checked at connect time, not only when the
 * address was typed, because DNS can change in between (DNS rebinding: a name that resolved to a
 * public address at input answers 127.0.0.1 at delivery). Delivery must connect to the returned
 * address (e.g. an undici Agent whose `connect.lookup` answers it), not resolve the name again.
 */
export async function resolveWebhookTarget(
  url: string | URL,
  allowed: AllowedNetworks = [],
): Promise<WebhookTarget> {
  const target = new URL(url);
  if (target.protocol !== "https:")
    throw new WebhookTargetRefused(`${target.href} is not an https address`);
  const literal = literalAddress(target.hostname);
  const addresses = literal
    ? [{ address: literal, family: isIP(literal) }]
    : await lookup(target.hostname, { all: true, order: "verbatim" }).catch((error: unknown) => {
        throw new WebhookTargetRefused(
          `${target.hostname} does not resolve: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
  // Every answer must be allowed: an attacker's DNS server may mix a public address with a private one.
  const refused = addresses.find(({ address }) => !isAllowedTarget(address, allowed));
  if (refused)
    throw new WebhookTargetRefused(
      `${target.hostname} resolves to ${refused.address}, which is not a public address`,
    );
  const [first] = addresses;
  if (!first) throw new WebhookTargetRefused(`${target.hostname} resolves to no address`);
  return { url: target, address: first.address, family: first.family === 6 ? 6 : 4 };
}
