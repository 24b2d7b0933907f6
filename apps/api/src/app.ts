import { trpcServer } from "@hono/trpc-server";
import { Hono, type Context } from "hono";
import { requestId } from "hono/request-id";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { isDatabaseUnavailable } from "@sigap/db/availability";
import { listUserTenants, pingDatabase } from "@sigap/db/queries";
import type { AppDependencies, AppEnv } from "./http/context.ts";
import {
  ApiError,
  databaseUnavailableMessage,
  statusOf,
  type ErrorBody,
  type ErrorCode,
} from "./http/errors.ts";
import { createV1App } from "./rest/v1/app.ts";
import { createSecretBox } from "./security/secret-box.ts";
import {
  clearedSessionCookieHeader,
  readSessionCookie,
  sessionCookieHeader,
} from "./auth/cookies.ts";
import { validateSessionToken } from "./auth/sessions.ts";
import { maxRequestBodyBytes, payloadTooLargeBody } from "./http/body-limit.ts";
import { rejectCrossSiteMutations } from "./http/csrf.ts";
import { clientIp, proxyTrust } from "./http/client-ip.ts";
import { CallFeed } from "./calls/call-feed.ts";
import { IncidentSignals } from "./incidents/signals.ts";
import { asServiceUnavailable, type TrpcContext } from "./trpc/init.ts";
import { appRouter } from "./trpc/router.ts";

/** The whole HTTP surface: `/healthz`, tRPC for the portal at `/trpc`, REST for machines at `/v1`. */
export function createApp({ db, logger, config, listen, jobs }: AppDependencies) {
  const app = new Hono<AppEnv>();
  const callFeed = new CallFeed(db, listen, logger);
  const incidentSignals = new IncidentSignals(listen, logger);
  const trustedProxy = proxyTrust(config.trustedProxies);

  app.use(requestId({ headerName: "X-Request-Id" }));
  app.use(async (c, next) => {
    const log = logger.child({ requestId: c.get("requestId") });
    c.set("log", log);
    const started = performance.now();
    await next();
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });

  app.use(
    bodyLimit({
      maxSize: maxRequestBodyBytes,
      onError: (c) => c.json(payloadTooLargeBody(c.req.path, c.get("requestId")), 413),
    }),
  );

  app.get("/healthz", async (c) => {
    try {
      await pingDatabase(db);
      return c.json({ status: "ok", database: "ok" });
    } catch (error) {
      c.get("log").error({ err: error }, "health check: database unreachable");
      return c.json({ status: "unavailable", database: "unreachable" }, 503);
    }
  });

  app.use("/trpc/*", rejectCrossSiteMutations(trustedProxy));
  app.use(
    "/trpc/*",
    trpcServer({
      router: appRouter,
      createContext: async (options, untyped): Promise<TrpcContext> => {
        // The adapter hands over Hono's context untyped; it is this app's.
        const c = untyped as Context<AppEnv>;
        const token = readSessionCookie(c);
        // Nearly every signed-in request needs the person's memberships (the second-factor check,
        // tenant access). user_tenants checks the token itself (an invalid one gets no rows), so it
        // is asked beside the session lookup rather than after it: one wait for both.
        const sessionMemberships = token ? listUserTenants(db, token) : undefined;
        sessionMemberships?.catch(() => {}); // awaited by whoever needs them; unneeded, not unhandled
        return {
          db,
          config,
          log: c.get("log"),
          requestId: c.get("requestId"),
          meta: {
            requestId: c.get("requestId"),
            ip: clientIp(c, trustedProxy),
            userAgent: c.req.header("user-agent") ?? null,
          },
          auth: token
            ? await validateSessionToken(db, token).catch((error: unknown) => {
                throw asServiceUnavailable(error);
              })
            : null,
          sessionMemberships,
          callFeed,
          incidentSignals,
          jobs,
          // tRPC builds the response itself; cookies go through its response headers.
          cookie: {
            set: (value) => {
              options.resHeaders.append("set-cookie", sessionCookieHeader(c, value));
            },
            clear: () => {
              options.resHeaders.append("set-cookie", clearedSessionCookieHeader(c));
            },
          },
        };
      },
      onError: ({ error, path, ctx }) => {
        // The adapter types the router loosely, so ctx arrives untyped; it is our TrpcContext.
        const context = ctx as TrpcContext | undefined;
        if (error.code === "INTERNAL_SERVER_ERROR")
          context?.log.error({ err: error, path }, "trpc procedure failed");
        if (error.code === "SERVICE_UNAVAILABLE")
          context?.log.warn({ err: error, path }, "database unavailable");
      },
    }),
  );

  app.route(
    "/v1",
    createV1App(db, {
      secretBox: createSecretBox(config.secretKeys),
      clientIp: (c) => clientIp(c, trustedProxy),
      mapTileUrl: config.mapTileUrl,
    }),
  );

  app.notFound((c) =>
    c.json(
      errorBody("NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`, c.get("requestId")),
      404,
    ),
  );

  app.onError((error, c) => {
    const id = c.get("requestId");
    if (error instanceof ApiError) {
      return c.json(errorBody(error.code, error.message, id, error.issues), statusOf(error.code));
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(errorBody(codeForStatus(error.status), error.message, id), error.status);
    }
    if (isDatabaseUnavailable(error)) {
      c.get("log").warn({ err: error }, "database unavailable");
      return c.json(errorBody("SERVICE_UNAVAILABLE", databaseUnavailableMessage, id), 503);
    }
    c.get("log").error({ err: error }, "unhandled error");
    return c.json(errorBody("INTERNAL_SERVER_ERROR", "Internal error", id), 500);
  });

  return app;
}

function errorBody(
  code: ErrorCode,
  message: string,
  requestId: string,
  issues?: ErrorBody["error"]["issues"],
): ErrorBody {
  return { error: { code, message, requestId, ...(issues ? { issues } : {}) } };
}

/** Hono's own HTTP exceptions (e.g. a malformed body) carry a status; map it into our codes. */
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 413) return "PAYLOAD_TOO_LARGE";
  if (status === 429) return "TOO_MANY_REQUESTS";
  return "BAD_REQUEST";
}
