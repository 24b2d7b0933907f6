import type { RouterOutputs } from "#lib/api/client.ts";

export type Member = RouterOutputs["users"]["list"]["rows"][number];
export type Invitation = RouterOutputs["users"]["invitations"][number];

/** An agency an agency responder can be bound to, as the role fields offer it. */
export interface AgencyChoice {
  id: string;
  name: string;
  active: boolean;
}
