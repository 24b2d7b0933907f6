import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs on stdout; request-scoped children add `requestId` to every line. */
export function createLogger(level: string, name: string): Logger {
  return pino({ level, name, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
