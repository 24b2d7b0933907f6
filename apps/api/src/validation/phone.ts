import { z } from "zod";

/**
 * Indonesian numbers as people write them (0812-3456-7890, 62812…, +62 812…, 0062 812…,
 * (031) 1234567, +62 (0)31 1234567) to E.164 (+62…), or undefined when it is not one. The
 * national significant number is a mobile (8…, 9–12 digits) or a landline with its area code
 * (2–7 or 9…, 8–11 digits); short codes such as 113 have no E.164 form and are refused.
 */
export function normalizeIndonesianPhone(input: string): string | undefined {
  const compact = input.trim().replace(/[\s.\-()]/g, "");
  if (!/^\+?\d+$/.test(compact)) return undefined;
  const national = nationalNumber(compact);
  if (national === undefined) return undefined;
  const mobile = /^8\d{8,11}$/.test(national);
  const landline = /^[2-79]\d{7,10}$/.test(national);
  return mobile || landline ? `+62${national}` : undefined;
}

function nationalNumber(compact: string): string | undefined {
  const international = /^(?:\+|00)?62/.exec(compact);
  // "+62 (0)31…" keeps the trunk 0 in brackets; once the brackets are gone it reads +62031…
  if (international) return compact.slice(international[0].length).replace(/^0/, "");
  return compact.startsWith("0") ? compact.slice(1) : undefined;
}

/** A string field holding an Indonesian phone number, parsed to E.164; the message names `field`. */
export function indonesianPhone(field: string) {
  return z.string().transform((value, check) => {
    const normalized = normalizeIndonesianPhone(value);
    if (normalized !== undefined) return normalized;
    check.addIssue({
      code: "custom",
      message: `${field} must be an Indonesian phone number such as 0812-3456-7890, +62 812 3456 7890 or (031) 1234567`,
    });
    return z.NEVER;
  });
}
