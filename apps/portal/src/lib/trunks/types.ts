import type { AppRouter, RouterOutputs } from "#lib/api/client.ts";
import type { inferRouterInputs } from "@trpc/server";

export type Trunk = RouterOutputs["trunks"]["list"][number];
/** A trunk's settings as `create` and `update` take them, without the tenant. */
export type TrunkInput = Omit<inferRouterInputs<AppRouter>["trunks"]["create"], "tenantSlug">;
export type Carrier = Trunk["carrier"];
export type Transport = Trunk["transport"];
export type TrunkStatus = Trunk["status"];
export type Codec = NonNullable<TrunkInput["codecs"]>[number];

/** Every value each enum has, in the order a form offers them; `Exhaustive` fails to compile if one is missing. */
type Exhaustive<Union, List extends readonly Union[]> = [Exclude<Union, List[number]>] extends [
  never,
]
  ? List
  : never;

const carrierList = [
  "telkomsel",
  "indosat_ooredoo_hutchison",
  "xlsmart",
  "telkom",
  "other",
] as const;
export const carriers: Exhaustive<Carrier, typeof carrierList> = carrierList;
const transportList = ["udp", "tcp", "tls"] as const;
export const transports: Exhaustive<Transport, typeof transportList> = transportList;
const statusList = ["provisioning", "testing", "active", "disabled"] as const;
export const statuses: Exhaustive<TrunkStatus, typeof statusList> = statusList;
const codecList = ["alaw", "ulaw", "g722", "g729", "opus"] as const;
export const codecs: Exhaustive<Codec, typeof codecList> = codecList;

/** Codec names as PBX people write them. */
export const codecNames: Record<Codec, string> = {
  alaw: "G.711 A-law",
  ulaw: "G.711 µ-law",
  g722: "G.722",
  g729: "G.729",
  opus: "Opus",
};
