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

interface KnownFinding {
  /** The hostile values that still trip it; the fuzzer holds them back where it applies. */
  kinds: readonly HostileKind[];
  /** Procedures (dotted paths) or REST operations ("GET /regions") it applies to, or every one. */
  where: readonly string[] | "everywhere";
  /** The fix this entry waits for: delete the entry once that fix is merged, and the fuzzer sends them again. */
  waitsFor: string;
}

/**
 * Failures the fuzzer found that are being fixed elsewhere. Each entry keeps the named hostile
 * values out of the inputs where it applies, so this file passes until the fix lands; the
 * generators stay in the code. Whoever merges a fix deletes its entry here, in the same merge.
 */
export const knownOpenFindings: Record<string, KnownFinding> = {
  nulAndLoneSurrogates: {
    kinds: ["nulByte", "loneSurrogate"],
    where: "everywhere",
    waitsFor:
      "validation refusing NUL bytes and lone UTF-16 surrogates for every procedure at once (today Postgres refuses them and the API answers 500)",
  },
  saveDraftDepth: {
    kinds: ["deepNesting"],
    where: ["sop.saveDraft"],
    waitsFor: "a depth limit on the SOP draft document in sop.saveDraft (today a deeply nested ruleset answers 500)",
  },
  bodyLimit: {
    kinds: ["hugeBody"],
    where: "everywhere",
    waitsFor:
      "a request body limit (today a many-megabyte body is read and parsed whole; once the limit answers 413 such bodies are cheap to send)",
  },
};

/** The hostile kinds the fuzzer may send to `target` now. */
export function hostileKindsFor(target: string): HostileKind[] {
  const held = new Set(
    Object.values(knownOpenFindings)
      .filter((finding) => finding.where === "everywhere" || finding.where.includes(target))
      .flatMap((finding) => finding.kinds),
  );
  return hostileKinds.filter((kind) => !held.has(kind));
}
