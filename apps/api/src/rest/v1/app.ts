import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { Database } from "@sigap/db/client";
import { ApiError, fieldIssues } from "../../http/errors.ts";
import { unacceptableInputIssue } from "../../validation/text.ts";
import { registerNationalAdoption } from "./adoption-national.ts";
import { registerAgencyReports } from "./agency-reports.ts";
import type { V1App, V1Dependencies } from "./context.ts";
import { registerMapTiles } from "./map-tiles.ts";
import { registerRegionSearch } from "./regions-search.ts";
import { registerTelephonyEvents } from "./telephony-events.ts";
import { registerTenantLogo } from "./tenant-logo.ts";

// The package exports no path to its browser bundle, so find it next to its entry point.
const scalarBundlePath = join(
  dirname(createRequire(import.meta.url).resolve("@scalar/api-reference")),
  "browser",
  "standalone.js",
);

/** REST for machines (telephony, agency systems), one route per file, documented by its schemas. */
export function createV1App(db: Database, deps: V1Dependencies): V1App {
  const app: V1App = new OpenAPIHono({
    // Bad input becomes a 400 naming each field, in the same shape as every other error.
    defaultHook: (result) => {
      if (!result.success)
        throw new ApiError("BAD_REQUEST", "Invalid request", fieldIssues(result.error));
    },
  });
  app.use(async (c, next) => {
    c.set("db", db);
    await next();
  });
  // The tRPC procedures' check (trpc/init.ts), for query strings and path parameters.
  app.use(async (c, next) => {
    const query = Object.entries(c.req.queries()).map(([name, values]) => [
      name,
      values.length === 1 ? values[0] : values,
    ]);
    const issue = unacceptableInputIssue({ ...Object.fromEntries(query), ...c.req.param() });
    if (issue) throw new ApiError("BAD_REQUEST", "Invalid request", [issue]);
    await next();
  });

  registerNationalAdoption(app);
  registerRegionSearch(app);
  registerTenantLogo(app);
  registerMapTiles(app, db, deps.mapTileUrl);
  registerTelephonyEvents(app, deps);
  registerAgencyReports(app, deps);

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Sigap 112 API",
      version: "1",
      description:
        "Machine-to-machine API of Sigap 112. Errors: `{ error: { code, message, requestId, issues? } }`.",
    },
  });
  // The docs page loads its script from here, not a CDN, so it works on closed networks too.
  app.get("/docs/scalar.js", async (c) => {
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(await readFile(scalarBundlePath), 200, { "Content-Type": "text/javascript" });
  });
  app.get(
    "/docs",
    Scalar({ url: "/v1/openapi.json", cdn: "/v1/docs/scalar.js", pageTitle: "Sigap 112 API" }),
  );
  return app;
}
