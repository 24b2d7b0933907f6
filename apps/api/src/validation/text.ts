/**
 * The refinement for a name: one line, no control characters (CR, LF, tab, NUL…). Names reach mail
 * subjects and headers, CSV exports and SBC configuration, where a line break starts something new.
 * Use as `.refine(...singleLine("name"))`; the message names `field`.
 */
export function singleLine(field: string) {
  return [(value: string) => !/\p{Cc}/u.test(value), { error: `${field} must be a single line of text` }] as const;
}
