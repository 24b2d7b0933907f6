import type { RouterOutputs } from "#lib/api/client.ts";

/** The tenant's display name, colours and logo description, as `branding.get` gives them. */
export type Branding = RouterOutputs["branding"]["get"];
