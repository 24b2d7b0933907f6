import { describe, expect, it } from "vitest";
import { maxRequestBodyBytes } from "../src/http/body-limit.ts";
import { databaseUnavailableMessage, errorCodes, statusOf } from "../src/http/errors.ts";
import { useTestApi } from "./harness.ts";
import { startTestApi } from "./server.ts";

const { api, database } = useTestApi();

async function getJson(path: string, init?: RequestInit) {
  const response = await fetch(`${api.url}${path}`, init);
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

const trpcQuery = (procedure: string, input?: unknown) =>
  getJson(
    `/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
  );

describe("health and errors", () => {
  it("/healthz checks the database", async () => {
    expect(await getJson("/healthz")).toMatchObject({
      status: 200,
      body: { status: "ok", database: "ok" },
    });
  });

  it("an unknown route is a JSON 404 with the request id", async () => {
    const { status, headers, body } = await getJson("/nowhere");
    expect(status).toBe(404);
    expect(body).toEqual({
      error: {
        code: "NOT_FOUND",
        message: "No route for GET /nowhere",
        requestId: headers.get("x-request-id"),
      },
    });
  });

  it("every error code maps to one HTTP status", () => {
    const statuses = errorCodes.map(statusOf);
    expect(Object.fromEntries(errorCodes.map((code, i) => [code, statuses[i]]))).toEqual({
      BAD_REQUEST: 400,
      UNAUTHORIZED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      PAYLOAD_TOO_LARGE: 413,
      TOO_MANY_REQUESTS: 429,
      INTERNAL_SERVER_ERROR: 500,
      SERVICE_UNAVAILABLE: 503,
      BAD_SIGNATURE: 401,
      STALE_TIMESTAMP: 401,
      TRUNK_DISABLED: 403,
      UNKNOWN_DID: 404,
    });
  });

  it("logs one JSON line per request, carrying the request id", async () => {
    const { headers } = await getJson("/healthz", {
      headers: { "X-Request-Id": "test-request-42" },
    });
    expect(headers.get("x-request-id")).toBe("test-request-42");
    const lines = api.logLines.filter((line) => line.requestId === "test-request-42");
    expect(lines).toEqual([
      expect.objectContaining({ msg: "request", path: "/healthz", status: 200, level: 30 }),
    ]);
  });
});

describe("national adoption", () => {
  it("tRPC and REST report the live count that the database holds", async () => {
    const readCounts = async () => {
      const [counts] = await database.owner.sql<
        { live: number; onboarding: number; regions: number }[]
      >`
        select count(*) filter (where status = 'live')::int as live,
               count(*) filter (where status = 'onboarding')::int as onboarding,
               (select count(*)::int from regencies) as regions
          from tenants`;
      return { totalRegions: counts?.regions, live: counts?.live, onboarding: counts?.onboarding };
    };
    // Other test files move tenants between statuses meanwhile: take the database's figures on
    // both sides of the API calls and compare only a round in which they did not move.
    for (let round = 0; ; round++) {
      const before = await readCounts();
      const trpc = await trpcQuery("adoption.national");
      const rest = await getJson("/v1/adoption/national");
      const after = await readCounts();
      if (JSON.stringify(before) !== JSON.stringify(after) && round < 50) continue;
      expect(trpc.body).toMatchObject({ result: { data: before } });
      expect(rest).toMatchObject({ status: 200, body: before });
      expect(rest.body.provinces).toHaveLength(38);
      expect(before.totalRegions).toBe(514);
      return;
    }
  });
});

describe("input validation names the field", () => {
  it("REST answers 400 with one issue per bad field", async () => {
    const { status, body } = await getJson("/v1/regions?query=s&limit=0");
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: {
        code: "BAD_REQUEST",
        issues: expect.arrayContaining([
          {
            path: "query",
            message: "query must have at least 2 characters",
            reason: "too_small",
            params: { minimum: 2, origin: "string" },
          },
          expect.objectContaining({ path: "limit" }),
        ]) as unknown,
      },
    });
  });

  it("tRPC answers 400 with the field paths and no stack trace", async () => {
    const { status, body } = await trpcQuery("regions.search", {
      query: "x",
      provinceCode: "Jawa",
    });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).not.toContain("stack");
    expect(body).toMatchObject({
      error: {
        data: {
          code: "BAD_REQUEST",
          issues: [
            {
              path: "query",
              message: "query must have at least 2 characters",
              reason: "too_small",
              params: { minimum: 2, origin: "string" },
            },
            {
              path: "provinceCode",
              message: "provinceCode must be a two-digit province code, e.g. 35",
            },
          ],
        },
      },
    });
  });

  it("a valid search finds regions by name and by code", async () => {
    const byName = await getJson("/v1/regions?query=sidoarjo");
    expect(byName.body).toEqual([
      {
        code: "35.15",
        name: "Kabupaten Sidoarjo",
        kind: "kabupaten",
        provinceCode: "35",
        provinceName: "Jawa Timur",
        timeZone: "Asia/Jakarta",
      },
    ]);
    const byCode = await trpcQuery("regions.search", { query: "91.71" });
    expect(byCode.body).toMatchObject({
      result: { data: [{ name: "Kota Jayapura", kind: "kota", timeZone: "Asia/Jayapura" }] },
    });
  });
});

describe("OpenAPI", () => {
  it("serves a generated document listing every /v1 route", async () => {
    const { status, body } = await getJson("/v1/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths as object).sort()).toEqual([
      "/adoption/national",
      "/map-tiles/{z}/{x}/{y}",
      "/regions",
      "/regions/{slug}/agency-reports",
      "/telephony/events",
      "/tenants/{slug}/logo",
    ]);
  });

  it("serves a docs page whose script comes from the API itself", async () => {
    const page = await fetch(`${api.url}/v1/docs`);
    expect(await page.text()).toContain("/v1/docs/scalar.js");
    const script = await fetch(`${api.url}/v1/docs/scalar.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
  });
});

describe("when the database is down", () => {
  it("health and procedures say 503, try again, without internals", async () => {
    const broken = await startTestApi("postgres://sigap_app:wrong@127.0.0.1:1/sigap");
    try {
      const health = await fetch(`${broken.url}/healthz`);
      expect(health.status).toBe(503);
      const response = await fetch(`${broken.url}/trpc/adoption.national`);
      const body = (await response.json()) as {
        error: { message: string; data: { code: string } };
      };
      expect(response.status).toBe(503);
      expect(body.error).toMatchObject({
        message: databaseUnavailableMessage,
        data: { code: "SERVICE_UNAVAILABLE" },
      });
      expect(JSON.stringify(body)).not.toMatch(/stack|ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      await broken.close();
    }
  });
});

describe("request bodies", () => {
  const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...headers },
      body,
      duplex: "half",
    } as RequestInit);
  const oversized = `{"0":"${"a".repeat(maxRequestBodyBytes)}"}`;

  // First: a refused body leaves its connection closed, and fetch may try to reuse it.
  it("up to the limit reach the procedure", async () => {
    const input = {
      email: "someone@sigap112.test",
      password: "x".repeat(maxRequestBodyBytes - 200),
    };
    const response = await post("/trpc/auth.signIn", JSON.stringify(input));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { data: { code: "BAD_REQUEST" } } });
  });

  it("larger than the limit are refused with 413 before being read, in tRPC's error shape for every call of a batch", async () => {
    const response = await post("/trpc/auth.signIn,auth.signOut?batch=1", oversized);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        message: "The request body is larger than the 2 MiB the platform accepts",
        code: -32013,
        data: {
          code: "PAYLOAD_TOO_LARGE",
          httpStatus: 413,
          path: null,
          requestId: response.headers.get("x-request-id"),
        },
      },
    });
  });

  it("are counted as they stream in when no Content-Length announces them", async () => {
    const chunk = new TextEncoder().encode("a".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > maxRequestBodyBytes) {
          controller.close();
          return;
        }
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await post("/v1/regions", stream);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });
});
