/**
 * Indonesians name their three zones, not IANA ids. Pontianak (West Kalimantan) has its own IANA
 * zone but is WIB like Jakarta.
 */
const abbreviations: Record<string, "WIB" | "WITA" | "WIT"> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

/** WIB/WITA/WIT for Indonesia's zones; any other id is shown as it is rather than guessed. */
export function zoneAbbreviation(timeZone: string): string {
  return abbreviations[timeZone] ?? timeZone;
}

/** West to east, so sorting by zone follows the map. */
export function zoneOrder(timeZone: string): number {
  const order = { WIB: 0, WITA: 1, WIT: 2 } as const;
  const abbreviation = abbreviations[timeZone];
  return abbreviation ? order[abbreviation] : 3;
}
