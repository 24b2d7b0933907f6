import { z } from "zod";

/** A string field holding an email address, trimmed and lower-cased; the message names `field`. */
export function emailAddress(field: string) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .pipe(
      z
        .email({ error: `${field} must be an email address such as nama@contoh.go.id` })
        .max(320, { error: `${field} is too long` }),
    );
}
