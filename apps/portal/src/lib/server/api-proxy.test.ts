import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxRequestBodyBytes } from "@sigap/api/body-limit";
import { isApiPath, proxyToApi } from "./api-proxy.ts";

/** What the stand-in API last received. */
let received:
  | {
      method: string | undefined;
      url: string | undefined;
      headers: IncomingHttpHeaders;
      body: string;
    }
  | undefined;
let upstream: Server;
let apiUrl: string;

// A real HTTP server in the API's place: it records the request and answers with per-hop headers
// of its own, a compressed body and a cookie, as the API (behind its own proxy) may.
beforeAll(async () => {
  upstream = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received = {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      };
      response.writeHead(201, {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "set-cookie": "sigap_session=abc; HttpOnly; Path=/",
        connection: "close, x-upstream-hop",
        "keep-alive": "timeout=5",
        "x-upstream-hop": "one hop only",
        "x-request-id": request.headers["x-request-id"],
      });
      response.end(gzipSync(JSON.stringify({ ok: true })));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${String((upstream.address() as AddressInfo).port)}`;
});
afterAll(async () => {
  await new Promise((resolve) => upstream.close(resolve));
});

/** A request as the portal's server hands it over, from the browser at `client`. */
function event(
  path: string,
  init: RequestInit & { headers?: Record<string, string> },
  client: string | (() => string) = "203.0.113.9",
) {
  const url = new URL(`https://portal.sigap112.test${path}`);
  return {
    request: new Request(url, init),
    url,
    getClientAddress: typeof client === "string" ? () => client : client,
  };
}

describe("which paths are the API's", () => {
  it("passes tRPC and REST paths through, and nothing else", () => {
    expect(isApiPath("/trpc/auth.me")).toBe(true);
    expect(isApiPath("/v1/docs")).toBe(true);
    expect(isApiPath("/t/sidoarjo")).toBe(false);
    expect(isApiPath("/trpcx")).toBe(false);
  });
});

describe("the API proxy", () => {
  it("forwards the request without per-hop headers, adding where it came from", async () => {
    const response = await proxyToApi(
      event("/trpc/users.invite?batch=1", {
        method: "POST",
        body: '{"email":"rina@contoh.id"}',
        headers: {
          "content-type": "application/json",
          cookie: "sigap_session=xyz",
          "x-forwarded-for": "198.51.100.7",
          connection: "keep-alive, x-browser-hop",
          "keep-alive": "timeout=5",
          "x-browser-hop": "for the portal only",
          "proxy-authorization": "Basic c2VjcmV0",
          "x-request-id": "req-112",
        },
      }),
      apiUrl,
    );
    expect(response.status).toBe(201);
    expect(received).toMatchObject({
      method: "POST",
      url: "/trpc/users.invite?batch=1",
      body: '{"email":"rina@contoh.id"}',
    });
    const headers = received?.headers ?? {};
    expect(headers).toMatchObject({
      "content-type": "application/json",
      cookie: "sigap_session=xyz",
      "x-forwarded-for": "198.51.100.7, 203.0.113.9",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "portal.sigap112.test",
      "x-request-id": "req-112",
    });
    // The API sees its own name, and none of the browser-to-portal hop's headers.
    expect(headers.host).toBe(new URL(apiUrl).host);
    expect(headers["x-browser-hop"]).toBeUndefined();
    expect(headers["keep-alive"]).toBeUndefined();
    expect(headers["proxy-authorization"]).toBeUndefined();
  });

  it("answers with the API's response minus its per-hop headers, the body already decoded", async () => {
    const response = await proxyToApi(event("/trpc/auth.me", { method: "GET" }), apiUrl);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("set-cookie")).toBe("sigap_session=abc; HttpOnly; Path=/");
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("x-upstream-hop")).toBeNull();
    expect(response.headers.get("keep-alive")).toBeNull();
  });

  it("gives a request without an id a fresh one, and forwards even when the client's address is unknown", async () => {
    const unknownClient = () => {
      throw new Error("no address header");
    };
    const response = await proxyToApi(
      event("/v1/openapi.json", { method: "GET" }, unknownClient),
      apiUrl,
    );
    const requestId = received?.headers["x-request-id"];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("x-request-id")).toBe(requestId);
    expect(received?.headers["x-forwarded-for"]).toBeUndefined();
  });

  it("refuses an announced body over the API's limit without passing it on", async () => {
    received = undefined;
    const response = await proxyToApi(
      event("/trpc/branding.update", {
        method: "POST",
        body: "{}",
        headers: { "content-length": String(maxRequestBodyBytes + 1), "x-request-id": "req-big" },
      }),
      apiUrl,
    );
    expect(response.status).toBe(413);
    expect(response.headers.get("x-request-id")).toBe("req-big");
    expect(received).toBeUndefined();
  });

  it("answers 502 in the API's error shape when the API cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadUrl = `http://127.0.0.1:${String((closed.address() as AddressInfo).port)}`;
    await new Promise((resolve) => closed.close(resolve));

    const response = await proxyToApi(
      event("/trpc/auth.me", { method: "GET", headers: { "x-request-id": "req-down" } }),
      deadUrl,
    );
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: {
        code: "SERVICE_UNAVAILABLE",
        message: "The Sigap 112 API cannot be reached from the portal.",
        requestId: "req-down",
      },
    });
  });
});
