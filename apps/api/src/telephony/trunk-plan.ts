/** What the configuration generators need of a tenant. */
export interface TelephonyTenant {
  slug: string;
  displayName: string;
  /** Kemendagri code, e.g. `35.15`: makes Kamailio set ids unique across regions sharing an SBC. */
  regionCode: string;
}

export type TrunkAuth =
  | { kind: "digest"; username: string; password: string }
  | { kind: "ip_allow_list"; addresses: string[] };

/** A trunk as the generators see it: credentials already opened, DIDs in E.164. */
export interface TelephonyTrunk {
  id: string;
  name: string;
  carrier: string;
  sipHost: string;
  sipPort: number;
  transport: "udp" | "tcp" | "tls";
  maxChannels: number;
  /** In order of preference. */
  codecs: string[];
  status: "provisioning" | "testing" | "active" | "disabled";
  auth: TrunkAuth;
  dids: string[];
}

/** A trunk placed in the generated configuration. */
export interface PlannedTrunk extends TelephonyTrunk {
  /** Unique within the export; names the PJSIP sections and the dialplan context. */
  key: string;
  /** Kamailio dispatcher set and permissions group of this trunk. */
  setId: number;
}

/** Slug of a trunk name for configuration identifiers: a-z, 0-9 and single hyphens. */
export function configSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug === "" ? "trunk" : slug;
}

const bySortKey = (a: TelephonyTrunk, b: TelephonyTrunk) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The trunks an export configures, in a fixed order (name, then id) so the same data always
 * yields the same text. Disabled trunks are left out: the PBX should refuse their traffic. Two
 * names with one slug get `-2`, `-3` … in that order. Set ids are the region code's digits × 1000
 * plus the trunk's position, so several regions can share one Kamailio without colliding.
 */
export function planTrunks(
  tenant: TelephonyTenant,
  trunks: readonly TelephonyTrunk[],
): PlannedTrunk[] {
  const regionBase = Number(tenant.regionCode.replace(/\D/g, "")) * 1000;
  const taken = new Set<string>();
  return trunks
    .filter((trunk) => trunk.status !== "disabled")
    .toSorted(bySortKey)
    .map((trunk, index) => {
      const base = configSlug(trunk.name);
      let key = base;
      for (let n = 2; taken.has(key); n++) key = `${base}-${String(n)}`;
      taken.add(key);
      return { ...trunk, dids: trunk.dids.toSorted(), key, setId: regionBase + index + 1 };
    });
}

/** Free text (names) made safe for a one-line configuration comment. */
export function commentText(text: string): string {
  return text.replace(/\p{Cc}+/gu, " ").trim();
}

/** `host:port` as a SIP URI writes it: an IPv6 address goes in brackets. */
export function hostPort(host: string, port: number): string {
  return `${host.includes(":") ? `[${host}]` : host}:${String(port)}`;
}
