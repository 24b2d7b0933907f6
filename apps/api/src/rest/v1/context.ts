import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Database } from "@sigap/db/client";
import type { AppVariables } from "../../http/context.ts";
import type { SecretBox } from "../../security/secret-box.ts";

/** The `/v1` app each route file registers itself on (built in app.ts). */
export type V1App = OpenAPIHono<{ Variables: AppVariables & { db: Database } }>;

/** What routes need besides the database. */
export interface V1Dependencies {
  secretBox: SecretBox;
  /** The client's address, forwarding headers believed only from trusted proxies. */
  clientIp: (c: Context) => string | null;
  /** MAP_TILE_URL: the tile server the map tile route passes through, or null. */
  mapTileUrl: string | null;
}
