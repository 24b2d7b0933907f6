/**
 * Province → legal time zone (UU/Keppres on Indonesian time zones): WIB for Sumatra, Java, West and
 * Central Kalimantan; WITA for Bali, Nusa Tenggara, South/East/North Kalimantan and Sulawesi; WIT for
 * Maluku and Papua. Keyed by the two-digit Kemendagri province code.
 */
export const provinceTimeZones: Record<string, "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura"> =
  {
    ...Object.fromEntries(
      [
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
        "18",
        "19",
        "21",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "61",
        "62",
      ].map((code) => [code, "Asia/Jakarta" as const]),
    ),
    ...Object.fromEntries(
      ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"].map((code) => [
        code,
        "Asia/Makassar" as const,
      ]),
    ),
    ...Object.fromEntries(
      ["81", "82", "91", "92", "93", "94", "95", "96"].map((code) => [
        code,
        "Asia/Jayapura" as const,
      ]),
    ),
  };
