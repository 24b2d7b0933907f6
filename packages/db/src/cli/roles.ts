#!/usr/bin/env node
// Creates or updates the sigap_owner and sigap_app roles through a superuser connection:
// SUPERUSER_DATABASE_URL=... SIGAP_OWNER_PASSWORD=... SIGAP_APP_PASSWORD=... node packages/db/src/cli/roles.ts
import { provisionRoles } from "../roles.ts";
import { requireEnv } from "./env.ts";

await provisionRoles(requireEnv("SUPERUSER_DATABASE_URL"), {
  owner: requireEnv("SIGAP_OWNER_PASSWORD"),
  app: requireEnv("SIGAP_APP_PASSWORD"),
});
console.log("roles sigap_owner and sigap_app are ready");
