/** A small tRPC-over-HTTP caller for tests: what a browser on the portal's origin would send. */
export interface CallResult {
  status: number;
  code: string | undefined;
  data: unknown;
  error: { message: string; data: Record<string, unknown> } | undefined;
  setCookie: string | null;
}

export interface CallOptions {
  cookie?: string;
  headers?: Record<string, string>;
}

export async function callProcedure(
  baseUrl: string,
  type: "query" | "mutation",
  path: string,
  input: unknown,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = {
    ...(options.cookie ? { cookie: options.cookie } : {}),
    ...(type === "mutation" ? { "content-type": "application/json", "sec-fetch-site": "same-origin" } : {}),
    ...options.headers,
  };
  const url =
    type === "query"
      ? `${baseUrl}/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`
      : `${baseUrl}/trpc/${path}`;
  const response = await fetch(url, {
    method: type === "query" ? "GET" : "POST",
    headers,
    ...(type === "mutation" ? { body: JSON.stringify(input ?? null) } : {}),
  });
  const body = (await response.json()) as {
    result?: { data: unknown };
    error?: { message: string; data: Record<string, unknown> };
  };
  return {
    status: response.status,
    code: body.error?.data.code as string | undefined,
    data: body.result?.data,
    error: body.error,
    setCookie: response.headers.get("set-cookie"),
  };
}

/** `sigap_session=<token>` from a Set-Cookie header, ready to send back. */
export function sessionCookieFrom(setCookie: string | null): string {
  const match = /sigap_session=([^;]*)/.exec(setCookie ?? "");
  if (!match?.[1]) throw new Error(`no session cookie in ${String(setCookie)}`);
  return `sigap_session=${match[1]}`;
}
