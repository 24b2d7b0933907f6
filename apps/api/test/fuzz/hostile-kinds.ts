/** The kinds of hostile value the fuzzer sends; `hostileValues` in json-schema-arbitrary.ts makes them. */
export const hostileKinds = [
  "nulByte",
  "loneSurrogate",
  "longString",
  "deepNesting",
  "hugeNumber",
  "wrongType",
  "hugeBody",
] as const;

export type HostileKind = (typeof hostileKinds)[number];
