import { createHash } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { findLogo, findTenantBySlug } from "@sigap/db/queries";
import { asTenantId, withTenantStatement } from "@sigap/tenancy";
import { ApiError } from "../../http/errors.ts";
import { errorSchema } from "./error-schema.ts";
import type { V1App } from "./context.ts";

const binary = { schema: z.string().openapi({ format: "binary" }) };

const route = createRoute({
  method: "get",
  path: "/tenants/{slug}/logo",
  tags: ["Tenants"],
  summary: "A tenant's logo",
  description:
    "The logo the tenant uploaded (SVG as sanitised), public because emails show it to mail clients that send no credentials. " +
    "Cached for five minutes; revalidate with If-None-Match.",
  request: {
    params: z.object({
      slug: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "slug must be a tenant slug such as sidoarjo")
        .openapi({ example: "sidoarjo" }),
    }),
  },
  responses: {
    200: {
      description: "The logo",
      content: { "image/png": binary, "image/jpeg": binary, "image/svg+xml": binary },
    },
    304: { description: "Unchanged since the ETag sent in If-None-Match" },
    404: {
      description: "No such tenant, or it has no logo",
      content: { "application/json": { schema: errorSchema } },
    },
  },
});

export function registerTenantLogo(app: V1App) {
  app.openapi(route, async (c) => {
    const db = c.get("db");
    const tenant = await findTenantBySlug(db, c.req.valid("param").slug);
    const logo = tenant
      ? await withTenantStatement(db, asTenantId(tenant.tenantId), (tx) => findLogo(tx))
      : undefined;
    if (!logo) throw new ApiError("NOT_FOUND", "This tenant has no logo");
    const etag = `"${createHash("sha256").update(logo.data).digest("base64url")}"`;
    const headers = {
      ETag: etag,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
      // Opened on its own, an SVG is a document: even a sanitised one gets no script and no fetches.
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    };
    if (c.req.header("If-None-Match") === etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(logo.data), 200, { ...headers, "Content-Type": logo.mimeType });
  });
}
