/** Area codes with two digits (Jakarta, Bandung, Semarang, Surabaya, Medan); the rest have three. */
const twoDigitAreas = new Set(["21", "22", "24", "31", "61"]);

/**
 * A stored E.164 Indonesian number grouped the way people read it back over the phone:
 * "+62 812-3456-7890" for a mobile, "+62 31 1234567" for a landline. Anything else as stored.
 */
export function formatPhone(e164: string): string {
  const national = /^\+62(\d+)$/.exec(e164)?.[1];
  if (national === undefined) return e164;
  if (national.startsWith("8"))
    return `+62 ${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`;
  const area = twoDigitAreas.has(national.slice(0, 2)) ? 2 : 3;
  return `+62 ${national.slice(0, area)} ${national.slice(area)}`;
}
