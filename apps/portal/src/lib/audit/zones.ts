/** Indonesia's three zones: the platform-wide log reads whole days in the one chosen. */
export const platformZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export type PlatformZone = (typeof platformZones)[number];

export function zoneFromUrl(url: URL): PlatformZone {
  const value = url.searchParams.get("timeZone");
  return platformZones.find((zone) => zone === value) ?? "Asia/Jakarta";
}
