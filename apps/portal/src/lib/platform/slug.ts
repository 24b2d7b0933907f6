/** What the API accepts as a slug: lowercase a–z and digits, single hyphens between, 2–63 long. */
export const slugPattern = "[a-z0-9]+(-[a-z0-9]+)*";
const maxLength = 63;

/**
 * A slug suggested from a region's registry name: "Kabupaten Sidoarjo" → "kab-sidoarjo",
 * "Kota Surabaya" → "kota-surabaya" (both kinds keep their prefix, as Kabupaten Bogor and Kota
 * Bogor both exist). The admin may edit it; the API has the last word.
 */
export function suggestSlug(regionName: string): string {
  const words = regionName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/^kabupaten\b/, "kab")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug;
}
