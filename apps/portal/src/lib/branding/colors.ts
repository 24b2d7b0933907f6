/**
 * `#rrggbb`, the only form the API accepts. Checked in the browser only to say so before a round
 * trip; the contrast judgement stays with the API.
 */
export function isHexColor(value: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(value.trim());
}
