/**
 * One SIP trunk per launched demo region, with the 112 lines (DIDs) that arrive on it, so the call
 * simulator (`npm run calls`) has numbers to ring. No event secret: the simulator creates one,
 * sealed with the installation's own keys, the first time it reports calls for the region.
 */
export const demoTrunks = [
  {
    slug: "sidoarjo",
    id: "00000000-0000-4000-8000-000000001121",
    carrier: "telkom",
    dids: ["+623199112000", "+623199112001"],
  },
  {
    slug: "jakarta-pusat",
    id: "00000000-0000-4000-8000-000000001122",
    carrier: "telkomsel",
    dids: ["+622199112000"],
  },
  {
    slug: "denpasar",
    id: "00000000-0000-4000-8000-000000001123",
    carrier: "indosat_ooredoo_hutchison",
    dids: ["+6236199112000"],
  },
] as const;
