import { formatPhone } from "./phone.ts";
import type { ContactKind } from "./types.ts";

/** A contact's value as staff read it: numbers grouped, addresses and URLs as stored. */
export function contactDisplay(kind: ContactKind, value: string): string {
  return kind === "phone" || kind === "whatsapp" ? formatPhone(value) : value;
}
