import { BlockList, isIP } from "node:net";
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

/** Whether a direct peer is one of our own proxies, whose forwarding headers may be believed. */
export type ProxyTrust = (address: string) => boolean;

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is 127.0.0.1. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** A trust check for these addresses and CIDR ranges (validated in env.ts: TRUSTED_PROXIES). */
export function proxyTrust(entries: readonly string[]): ProxyTrust {
  const trusted = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) trusted.addAddress(address, family);
    else trusted.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    const plain = plainAddress(address);
    const family = isIP(plain);
    return family !== 0 && trusted.check(plain, family === 6 ? "ipv6" : "ipv4");
  };
}

function peerAddress(c: Context): string | null {
  const address = getConnInfo(c).remote.address;
  return address ? plainAddress(address) : null;
}

/** Whether this request came straight from one of our proxies (the portal, a load balancer). */
export function fromTrustedProxy(c: Context, trust: ProxyTrust): boolean {
  const peer = peerAddress(c);
  return peer !== null && trust(peer);
}

/**
 * The caller's address. X-Forwarded-For is believed only from a trusted proxy, and then read from
 * the right: each trusted hop appended the address it saw, so the first untrusted entry is the
 * client; anything further left was written by the client and could say anything. A direct
 * caller's own header is ignored, so per-address limits cannot be dodged by rotating it.
 */
export function clientIp(c: Context, trust: ProxyTrust): string | null {
  const peer = peerAddress(c);
  const forwarded = c.req.header("x-forwarded-for");
  if (!peer || !trust(peer) || !forwarded) return peer;
  let client = peer;
  for (const hop of forwarded
    .split(",")
    .map((entry) => plainAddress(entry.trim()))
    .reverse()) {
    // Garbage cannot have come from a trusted hop: stop at the last address one of them vouched for.
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!trust(hop)) return hop;
  }
  return client;
}
