import type { RouterOutputs } from "#lib/api/client.ts";

export type Agency = RouterOutputs["agencies"]["list"][number];
export type AgencyContact = Agency["contacts"][number];
export type ContactKind = AgencyContact["kind"];
export type AgencyType = RouterOutputs["agencies"]["catalogue"][number];
export type AgencyTypeCode = AgencyType["code"];
export type OperatingHours = Agency["operatingHours"];
export type WeeklyWindow = Extract<OperatingHours, { weekly: unknown }>["weekly"][number];

/** A contact just added: a webhook comes with its signing secret, this once. */
export interface AddedContact {
  value: string;
  signingSecret?: string | undefined;
}

export const contactKinds = [
  "phone",
  "whatsapp",
  "email",
  "webhook",
] as const satisfies readonly ContactKind[];

/** The catalogue's name for a type code; a code the catalogue no longer lists shows as it is. */
export function typeName(catalogue: readonly AgencyType[], code: string): string {
  return catalogue.find((type) => type.code === code)?.name ?? code;
}
export type District = RouterOutputs["agencies"]["districts"][number];
