import { createParser, type EventSourceMessage } from "eventsource-parser";

/**
 * A tRPC subscription read as a browser's EventSource reads it: a GET whose answer is a stream of
 * server-sent events. `next()` waits for the next event that carries data or an error (the
 * stream's own `connected`, `ping` and `restore-id` bookkeeping is skipped).
 */
export interface SseStream {
  /** The response's status and headers, once they arrived. */
  readonly status: number;
  readonly requestId: string;
  next: (timeoutMs?: number) => Promise<SseEvent>;
  close: () => void;
}

export interface SseEvent {
  /** `message` for data; `serialized-error` for a tRPC error; `return` when the stream ended. */
  type: string;
  id: string | undefined;
  data: unknown;
}

const bookkeeping = new Set(["connected", "ping", "restore-id"]);

export async function openSse(
  apiUrl: string,
  path: string,
  /** The input as JSON text, as the fuzzer may write what JSON.stringify cannot. */
  inputJson: string | undefined,
  options: {
    cookie?: string | undefined;
    lastEventId?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<SseStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = {
    accept: "text/event-stream",
    ...(options.cookie ? { cookie: options.cookie } : {}),
    ...(options.lastEventId ? { "last-event-id": options.lastEventId } : {}),
    ...options.headers,
  };
  const query = inputJson === undefined ? "" : `?input=${encodeURIComponent(inputJson)}`;
  const response = await fetch(`${apiUrl}/trpc/${path}${query}`, { headers, signal: abort.signal });
  const queued: SseEvent[] = [];
  let waiting: ((event: SseEvent) => void) | undefined;
  const deliver = (event: SseEvent) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(event);
    } else queued.push(event);
  };
  const parser = createParser({
    onEvent: (message: EventSourceMessage) => {
      const type = message.event ?? "message";
      if (bookkeeping.has(type)) return;
      deliver({
        type,
        id: message.id,
        data: message.data === "" ? undefined : (JSON.parse(message.data) as unknown),
      });
    },
  });
  const pump = async () => {
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) return;
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
        parser.feed(chunk.value);
    } catch {
      // closed by the test
    }
    deliver({ type: "closed", id: undefined, data: undefined });
  };
  void pump();
  return {
    status: response.status,
    requestId: response.headers.get("x-request-id") ?? "",
    next: (timeoutMs = 10_000) => {
      const event = queued.shift();
      if (event) return Promise.resolve(event);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting = undefined;
          reject(new Error(`no event on ${path} within ${String(timeoutMs)} ms`));
        }, timeoutMs);
        waiting = (received) => {
          clearTimeout(timer);
          resolve(received);
        };
      });
    },
    close: () => {
      abort.abort();
    },
  };
}
