/** A plausible active trunk as a region's admin enters it (tRPC `trunks.create` input, tenant aside). */
export const sampleTrunkInput = {
  name: "Telkomsel Utama",
  carrier: "telkomsel",
  sipHost: "sip.telkomsel.example",
  sipPort: 5060,
  transport: "udp",
  maxChannels: 30,
  codecs: ["alaw"],
  auth: { kind: "ip_allow_list", addresses: ["203.0.113.10"] },
  status: "active",
} as const;
