import { defineEnvVars } from "@sveltejs/kit/env";
import { z } from "zod";

/**
 * The portal's whole server configuration. SvelteKit 3 reads it at start (not at build, as none is
 * `static`) and refuses to start on an invalid value; server code imports it from `$app/env/private`,
 * so nothing else reads the process environment.
 */
export const variables = defineEnvVars({
  API_URL: {
    description: "Base URL of the Sigap 112 API (apps/api), as reached from the portal's server.",
    schema: z
      .url({ protocol: /^https?$/, error: "API_URL must be an http(s):// URL" })
      .default("http://127.0.0.1:3001")
      .transform((url) => url.replace(/\/+$/, "")),
  },
});
