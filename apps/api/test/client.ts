import { openSse, type SseStream } from "./sse.ts";

/** A field the API named as wrong, as its error formatter sends it. */
export interface Issue {
  path: string;
  message: string;
}

/** A tRPC error as the API's error formatter sends it. */
export interface TrpcError {
  message: string;
  data: { code: string; issues?: Issue[]; retryAfterSeconds?: number };
}

export interface CallResult {
  status: number;
  data: unknown;
  error: TrpcError | undefined;
  /** The error's code, message and issues again, for short assertions. */
  code: string | undefined;
  message: string | undefined;
  issues: Issue[] | undefined;
  setCookie: string | null;
}

/**
 * One browser on the portal's origin: its mutations are same-origin, it comes from its own
 * address (so the per-address sign-in back-off of one test never meets another's), and it keeps
 * the session cookie the API sets or clears.
 */
export interface TestClient {
  readonly address: string;
  cookie: string | undefined;
  call: (type: ProcedureType, path: string, input?: unknown) => Promise<CallResult>;
  /**
   * The same request as `call`, answered as it came (a fuzzer's answers need not be JSON). `json`
   * is the input already serialised, for input JSON.stringify cannot write (nested too deep).
   */
  send: (type: ProcedureType, path: string, input?: unknown, json?: string) => Promise<Response>;
}

/** A subscription is answered by its first event, as a JSON response would answer (see `firstEventAnswer`). */
export type ProcedureType = "query" | "mutation" | "subscription";

/** A made-up client address, sent as X-Forwarded-For as the portal's proxy would. */
export function testAddress(): string {
  const octet = () => String(Math.floor(Math.random() * 250) + 1);
  return `10.${octet()}.${octet()}.${octet()}`;
}

export function testClient(
  apiUrl: string,
  options: { cookie?: string | undefined; address?: string; headers?: Record<string, string> } = {},
): TestClient {
  const client: TestClient = {
    address: options.address ?? testAddress(),
    cookie: options.cookie,
    async send(type, path, input, json = input === undefined ? undefined : JSON.stringify(input)) {
      const headers: Record<string, string> = {
        "x-forwarded-for": client.address,
        ...(client.cookie ? { cookie: client.cookie } : {}),
        ...(type === "mutation"
          ? { "content-type": "application/json", "sec-fetch-site": "same-origin" }
          : {}),
        ...options.headers,
      };
      if (type === "subscription")
        return firstEventAnswer(await openSse(apiUrl, path, json, { headers }));
      const query = json === undefined ? "" : `?input=${encodeURIComponent(json)}`;
      const response =
        type === "query"
          ? await fetch(`${apiUrl}/trpc/${path}${query}`, { headers })
          : await fetch(`${apiUrl}/trpc/${path}`, {
              method: "POST",
              headers,
              body: json ?? "null",
            });
      const token = sessionTokenIn(response.headers.get("set-cookie"));
      if (token !== undefined) client.cookie = token ? `sigap_session=${token}` : undefined;
      return response;
    },
    async call(type, path, input) {
      const response = await client.send(type, path, input);
      const body = (await response.json()) as { result?: { data: unknown }; error?: TrpcError };
      return {
        status: response.status,
        data: body.result?.data,
        error: body.error,
        code: body.error?.data.code,
        message: body.error?.message,
        issues: body.error?.data.issues,
        setCookie: response.headers.get("set-cookie"),
      };
    },
  };
  return client;
}

/**
 * A live stream's first event as the answer a query would give: its data with 200, or its error
 * with the error's HTTP status (a stream always starts 200; tRPC sends the error inside it).
 */
async function firstEventAnswer(stream: SseStream): Promise<Response> {
  const first = await stream.next().finally(stream.close);
  const headers = { "content-type": "application/json", "x-request-id": stream.requestId };
  if (first.type === "serialized-error") {
    const error = first.data as TrpcError & { data: { httpStatus: number } };
    return new Response(JSON.stringify({ error }), { status: error.data.httpStatus, headers });
  }
  return new Response(JSON.stringify({ result: { data: first.data } }), {
    status: stream.status,
    headers,
  });
}

/** `sigap_session=<token>` from a Set-Cookie header, ready to send back. */
export function sessionCookieFrom(setCookie: string | null): string {
  const token = sessionTokenIn(setCookie);
  if (!token) throw new Error(`no session cookie in ${String(setCookie)}`);
  return `sigap_session=${token}`;
}

/** The token a Set-Cookie header sets: "" when it clears the cookie, undefined when it says nothing of it. */
function sessionTokenIn(setCookie: string | null): string | undefined {
  return /sigap_session=([^;]*)/.exec(setCookie ?? "")?.[1];
}
