import { z } from "zod";

/** A colour as `#rrggbb`, trimmed and lower-cased (the form the database stores); the message names `field`. */
export function hexColor(field: string) {
  return z
    .string({ error: `${field} must be a colour in the form #rrggbb, such as #b91c1c` })
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, {
      error: `${field} must be a colour in the form #rrggbb, such as #b91c1c`,
    });
}
