import { createRoute, z } from "@hono/zod-openapi";
import { getNationalAdoption } from "@sigap/db/queries";
import type { V1App } from "./context.ts";

const provinceAdoption = z
  .object({
    code: z.string().openapi({ example: "35" }),
    name: z.string().openapi({ example: "Jawa Timur" }),
    timeZone: z.string().openapi({ example: "Asia/Jakarta" }),
    regions: z.int().openapi({ description: "Kabupaten/kota in the province" }),
    live: z.int(),
    onboarding: z.int(),
  })
  .openapi("ProvinceAdoption");

const nationalAdoption = z
  .object({
    totalRegions: z.int().openapi({ example: 514 }),
    live: z.int().openapi({ description: "Regions whose 112 service is live" }),
    onboarding: z.int(),
    provinces: z.array(provinceAdoption),
  })
  .openapi("NationalAdoption");

const route = createRoute({
  method: "get",
  path: "/adoption/national",
  tags: ["Adoption"],
  summary: "National adoption of Call Center 112",
  description:
    "Counts of live and onboarding regions, nationally and per province. No personal data.",
  responses: {
    200: {
      description: "Current figures",
      content: { "application/json": { schema: nationalAdoption } },
    },
  },
});

export function registerNationalAdoption(app: V1App) {
  app.openapi(route, async (c) => c.json(await getNationalAdoption(c.get("db")), 200));
}
