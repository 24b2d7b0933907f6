import type { Trunk } from "./types.ts";

/** `host:port/transport`, with an IPv6 address in brackets as in a SIP URI. */
export function signalling(trunk: Pick<Trunk, "sipHost" | "sipPort" | "transport">): string {
  const host = trunk.sipHost.includes(":") ? `[${trunk.sipHost}]` : trunk.sipHost;
  return `${host}:${String(trunk.sipPort)}/${trunk.transport.toUpperCase()}`;
}
