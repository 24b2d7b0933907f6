import { z } from "zod";

/** The API's and worker's whole configuration, parsed once at start; a bad value stops the process. */
const envSchema = z.object({
  DATABASE_APP_URL: z.url({ error: "DATABASE_APP_URL must be a postgres:// URL for the sigap_app role" }),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  API_HOST: z.string().default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

export type Env = z.infer<typeof envSchema>;

// eslint-disable-next-line no-restricted-properties -- this file is where configuration is read
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    console.error(`Invalid configuration:\n${problems.join("\n")}`);
    process.exit(2);
  }
  return parsed.data;
}
