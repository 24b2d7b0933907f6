/** `part` of `whole` as a fraction, or null when there is no whole to share (no calls yet). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
