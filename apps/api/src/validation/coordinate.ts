import { z } from "zod";
import { indonesiaBounds } from "../geo/indonesia.ts";

/** A latitude or longitude that must lie in Indonesia; `field` names it in the error. */
export function coordinateInIndonesia(field: string, axis: keyof typeof indonesiaBounds) {
  const [min, max] = indonesiaBounds[axis];
  const outside = `${field} must lie in Indonesia (between ${String(min)} and ${String(max)})`;
  return z
    .number({ error: `${field} must be a number` })
    .min(min, { error: outside })
    .max(max, { error: outside });
}
