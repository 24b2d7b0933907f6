import { z } from "@hono/zod-openapi";

/** Input shared by the portal (tRPC) and machines (REST), so both reject the same bad input. */
export const regionSearchInput = z.object({
  query: z
    .string()
    .trim()
    .min(2, "query must have at least 2 characters")
    .max(100, "query must have at most 100 characters")
    .openapi({ example: "sidoarjo", description: "Part of the name, or the start of the code" }),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, "provinceCode must be a two-digit province code, e.g. 35")
    .optional()
    .openapi({ example: "35" }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
