import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs on stdout; request-scoped children add `requestId` to every line. */
export function createLogger(level: string, name: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    name,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: redactedError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Where query errors carry the values bound to a statement: Drizzle's `params` (also spelled into
 * its message as `params: a,b,c`), postgres.js's `parameters` and `args`. Those values are what
 * people typed (names, phone numbers, password hashes, tokens), so they stay out of the logs; the
 * statement itself, with its `$1` placeholders, stays in, since it says what failed.
 */
const boundValueKeys = new Set(["params", "parameters", "args"]);
const redacted = "[redacted]";

/** pino's error serializer (causes included), with bound statement values removed everywhere. */
export function redactedError(error: unknown): unknown {
  const spelled = new Set<string>();
  for (let cause: unknown = error; isRecord(cause); cause = cause.cause) {
    if (Array.isArray(cause.params)) spelled.add(`params: ${String(cause.params)}`);
  }
  const serialized: unknown =
    error instanceof Error ? pino.stdSerializers.errWithCause(error) : error;
  return scrub(serialized, [...spelled]);
}

function scrub(value: unknown, spelled: string[]): unknown {
  if (typeof value === "string")
    return spelled.reduce((text, params) => text.replaceAll(params, `params: ${redacted}`), value);
  if (Array.isArray(value)) return value.map((item) => scrub(item, spelled));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      boundValueKeys.has(key) ? redacted : scrub(item, spelled),
    ]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
