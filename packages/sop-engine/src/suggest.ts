/**
 * Edits that turn `a` into `b`: insert, delete or replace a character, or swap two neighbours
 * (optimal string alignment distance), so the usual typos — `damkr`, `bpdb` — cost one edit.
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: the swap needs the row two characters back.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + replace,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate a mistyped code most likely meant, for a "did you mean" hint: the closest by edit
 * distance (the earliest on a tie), if within a third of the code's length (at least one edit).
 * A word that is merely another code (`polisi` for `polres`) gets no hint rather than a wrong one.
 */
export function closestCode(input: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: { code: string; distance: number } | undefined;
  for (const code of candidates) {
    const distance = editDistance(input.toLowerCase(), code);
    if (distance <= limit && (best === undefined || distance < best.distance))
      best = { code, distance };
  }
  return best?.code;
}
