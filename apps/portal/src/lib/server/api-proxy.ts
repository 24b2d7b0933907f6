import type { RequestEvent } from "@sveltejs/kit";
import { maxRequestBodyBytes, payloadTooLargeBody } from "@sigap/api/body-limit";

/**
 * The browser only ever talks to the portal's origin (no CORS, one cookie jar, one TLS name); these
 * paths belong to the API and are passed through untouched. `/v1/docs` and `/v1/openapi.json` are
 * covered by the `/v1/` prefix.
 */
const apiPrefixes = ["/trpc/", "/v1/"] as const;

/** What the proxy reads of a request. */
type ProxiedEvent = Pick<RequestEvent, "request" | "url" | "getClientAddress">;

export function isApiPath(pathname: string): boolean {
  return apiPrefixes.some((prefix) => pathname.startsWith(prefix));
}

/**
 * Connection-scoped headers (RFC 9110 §7.6.1) describe one hop and must not be forwarded. `host` is
 * dropped so the API sees its own name; `content-length` so fetch frames the streamed body itself.
 */
const hopByHop = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
]);

function forwardableHeaders(source: Headers): Headers {
  const headers = new Headers();
  // A `Connection: foo` header names further per-hop headers.
  const named = new Set(
    (source.get("connection") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  for (const [name, value] of source) {
    if (!hopByHop.has(name) && !named.has(name)) headers.append(name, value);
  }
  return headers;
}

/**
 * Forwards the request to the API and streams the answer back; 502 in the API's error shape if it
 * is down. A body over the API's limit is answered 413 here, as the API would: announced ones
 * before anything is sent, streamed ones when the portal's own cut-off (BODY_SIZE_LIMIT, set to
 * the same size) ends them.
 */
export async function proxyToApi(event: ProxiedEvent, apiUrl: string): Promise<Response> {
  const { request, url } = event;
  const target = `${apiUrl}${url.pathname}${url.search}`;

  const headers = forwardableHeaders(request.headers);
  const client = clientAddress(event);
  if (client) {
    const prior = request.headers.get("x-forwarded-for");
    headers.set("x-forwarded-for", prior ? `${prior}, ${client}` : client);
  }
  headers.set("x-forwarded-proto", url.protocol.replace(/:$/, ""));
  headers.set("x-forwarded-host", url.host);
  // The API adopts a caller's request id, so one id ties the portal's 502 and the API's logs together.
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  headers.set("x-request-id", requestId);

  const tooLarge = () =>
    Response.json(payloadTooLargeBody(url.pathname, requestId), {
      status: 413,
      headers: { "x-request-id": requestId },
    });
  if (Number(request.headers.get("content-length")) > maxRequestBodyBytes) return tooLarge();

  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  // `duplex` is Node's (undici's) extension to RequestInit, required to send a streamed body.
  const init: RequestInit & { duplex: "half" } = {
    method: request.method,
    headers,
    body: hasBody ? request.body : null,
    duplex: "half",
    // Redirects are the browser's business, not the proxy's.
    redirect: "manual",
    // A browser that goes away cancels the upstream request too.
    signal: request.signal,
  };
  let upstream: Response;
  try {
    upstream = await fetch(target, init);
  } catch (error) {
    if (causedByOversizedBody(error)) return tooLarge();
    console.error(
      `[api-proxy] ${request.method} ${url.pathname} failed (request ${requestId}):`,
      error,
    );
    const body = {
      error: {
        code: "SERVICE_UNAVAILABLE",
        message: "The Sigap 112 API cannot be reached from the portal.",
        requestId,
      },
    };
    return Response.json(body, { status: 502, headers: { "x-request-id": requestId } });
  }

  const responseHeaders = forwardableHeaders(upstream.headers);
  // Node's fetch has already decoded a compressed body, so the encoding no longer describes it.
  if (responseHeaders.has("content-encoding")) responseHeaders.delete("content-encoding");

  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders,
  });
}

/** Whether fetch failed because the portal's server cut the request body off at its size limit (a 413 SvelteKitError). */
function causedByOversizedBody(error: unknown): boolean {
  for (
    let cause = error;
    typeof cause === "object" && cause !== null;
    cause = (cause as { cause?: unknown }).cause
  ) {
    if ((cause as { status?: unknown }).status === 413) return true;
  }
  return false;
}

function clientAddress(event: ProxiedEvent): string | undefined {
  try {
    return event.getClientAddress();
  } catch {
    // Some adapters cannot tell (e.g. a misconfigured ADDRESS_HEADER); forwarding matters more.
    return undefined;
  }
}
