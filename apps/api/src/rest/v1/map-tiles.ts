import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Database } from "@sigap/db/client";
import { readSessionCookie } from "../../auth/cookies.ts";
import { validateSessionToken } from "../../auth/sessions.ts";
import { ApiError } from "../../http/errors.ts";
import { errorSchema } from "./error-schema.ts";
import type { V1App } from "./context.ts";

/** How long a tile server may take before the map goes without that tile. */
const upstreamTimeoutMs = 5000;
const maxZoom = 19;
/** Raster images only: an SVG opened on its own is a document that could run script on our origin. */
const tileTypes = new Set(["image/png", "image/jpeg", "image/webp"]);

const tileNumber = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int({ error: `${name} must be a whole number` })
    .min(0, { error: `${name} must not be negative` })
    .openapi({ example: 0 });

const route = createRoute({
  method: "get",
  path: "/map-tiles/{z}/{x}/{y}",
  tags: ["Maps"],
  summary: "A map tile for the call panel",
  description:
    "The tile `z/x/y` of the tile server named by MAP_TILE_URL, passed through the platform's own origin so the portal's " +
    "content security policy can stay 'self'. For signed-in people only: a tile server's quota is the platform's.",
  request: {
    params: z.object({
      z: tileNumber("z").max(maxZoom, { error: `z must be at most ${String(maxZoom)}` }),
      x: tileNumber("x"),
      y: tileNumber("y"),
    }),
  },
  responses: {
    200: {
      description: "The tile image",
      content: { "image/png": { schema: z.string().openapi({ format: "binary" }) } },
    },
    400: {
      description: "A tile number outside the zoom level",
      content: { "application/json": { schema: errorSchema } },
    },
    401: { description: "Not signed in", content: { "application/json": { schema: errorSchema } } },
    404: {
      description: "No tile server is configured, or it has no such tile",
      content: { "application/json": { schema: errorSchema } },
    },
    503: {
      description: "The tile server did not answer",
      content: { "application/json": { schema: errorSchema } },
    },
  },
});

export function registerMapTiles(app: V1App, db: Database, tileTemplate: string | null) {
  // Before the parameters are checked: an anonymous caller learns nothing, not even what a valid tile is.
  app.use("/map-tiles/*", async (c: Context, next) => {
    const token = readSessionCookie(c);
    if (!token || !(await validateSessionToken(db, token)))
      throw new ApiError("UNAUTHORIZED", "Sign in to see map tiles");
    await next();
  });
  app.openapi(route, async (c) => {
    const { z: zoom, x, y } = c.req.valid("param");
    const side = 2 ** zoom;
    if (x >= side || y >= side) {
      throw new ApiError("BAD_REQUEST", "Invalid request", [
        {
          path: x >= side ? "x" : "y",
          message: `x and y must be below ${String(side)} at zoom ${String(zoom)}`,
          reason: "too_big",
          params: { maximum: side - 1, origin: "number" },
        },
      ]);
    }
    if (!tileTemplate)
      throw new ApiError("NOT_FOUND", "No map tile server is configured (MAP_TILE_URL)");

    const url = tileTemplate
      .replace("{z}", String(zoom))
      .replace("{x}", String(x))
      .replace("{y}", String(y));
    const upstream = await fetch(url, { signal: AbortSignal.timeout(upstreamTimeoutMs) }).catch(
      () => undefined,
    );
    if (!upstream) throw new ApiError("SERVICE_UNAVAILABLE", "The map tile server did not answer");
    const type = (upstream.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    if (!upstream.ok || !tileTypes.has(type))
      throw new ApiError("NOT_FOUND", "The map tile server has no such tile");
    return c.body(new Uint8Array(await upstream.arrayBuffer()), 200, {
      "Content-Type": type,
      "Cache-Control": "private, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    });
  });
}
