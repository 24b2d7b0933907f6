import { z } from "@hono/zod-openapi";
import { errorCodes, ownReasons, schemaReasons } from "../../http/errors.ts";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      requestId: z.string(),
      issues: z
        .array(
          z.object({
            path: z.string(),
            message: z.string(),
            reason: z.enum([...schemaReasons, ...ownReasons]),
            params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          }),
        )
        .optional(),
    }),
  })
  .openapi("Error");

const descriptions = { 400: "Invalid input; `issues` names each offending field" } as const;

/** OpenAPI response entries for the error statuses a route can answer with. */
export function errorResponses(...statuses: (keyof typeof descriptions)[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status],
        content: { "application/json": { schema: errorSchema } },
      },
    ]),
  );
}
