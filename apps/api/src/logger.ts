import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs on stdout; request-scoped children add `requestId` to every line. */
export function createLogger(level: string, name: string, destination?: DestinationStream): Logger {
  const options = { level, name, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
