import type { RouterOutputs } from "#lib/api/client.ts";

/** Where the tenant stands: status, launch date, and each go-live checklist item. */
export type Checklist = RouterOutputs["onboarding"]["checklist"];
export type ChecklistItem = Checklist["items"][number];
export type ChecklistKey = ChecklistItem["key"];
