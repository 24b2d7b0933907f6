import type { RouterOutputs } from "#lib/api/client.ts";

/** The signed-in person as `auth.me` describes them: profile, second-factor state, tenants. */
export type Me = RouterOutputs["auth"]["me"];
