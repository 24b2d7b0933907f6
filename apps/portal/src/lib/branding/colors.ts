/**
 * `#rrggbb`, the only form the API accepts. Checked in the browser only to say so before a round
 * trip; contrast is judged as the colour changes with the API's own rule, and again by the API on save.
 */
export function isHexColor(value: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(value.trim());
}
