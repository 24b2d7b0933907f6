import type { RouterOutputs } from "#lib/api/client.ts";

export type Member = RouterOutputs["users"]["list"]["members"][number];
export type Invitation = RouterOutputs["users"]["list"]["invitations"][number];
