import { createRoute, z } from "@hono/zod-openapi";
import { searchRegions } from "@sigap/db/queries";
import { regionSearchInput } from "../../http/schemas.ts";
import { errorResponses } from "./error-schema.ts";
import type { V1App } from "./context.ts";

const region = z
  .object({
    code: z.string().openapi({ example: "35.15" }),
    name: z.string().openapi({ example: "Kabupaten Sidoarjo" }),
    kind: z.enum(["kabupaten", "kota"]),
    provinceCode: z.string().openapi({ example: "35" }),
    provinceName: z.string().openapi({ example: "Jawa Timur" }),
    timeZone: z.enum(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]),
  })
  .openapi("Region");

const route = createRoute({
  method: "get",
  path: "/regions",
  tags: ["Regions"],
  summary: "Search kabupaten/kota",
  request: { query: regionSearchInput },
  responses: {
    200: {
      description: "Matching regions, by code",
      content: { "application/json": { schema: z.array(region) } },
    },
    ...errorResponses(400),
  },
});

export function registerRegionSearch(app: V1App) {
  app.openapi(route, async (c) =>
    c.json(await searchRegions(c.get("db"), c.req.valid("query")), 200),
  );
}
