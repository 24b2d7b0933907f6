#!/usr/bin/env node
// One-shot migration for deployments: `DATABASE_URL=<owner url> node packages/db/src/cli/migrate.ts`.
import { runMigrations } from "../migrate.ts";
import { requireEnv } from "./env.ts";

await runMigrations(requireEnv("DATABASE_URL"));
console.log("migrations applied");
