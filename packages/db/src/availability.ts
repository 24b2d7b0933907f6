// A request that fails because Postgres is out of reach (restarting, failing over, refusing
// connections) failed through no fault of its own or of the code: the caller should hear "try
// again in a moment" (503), not "internal error" (500), and the log should not call it a bug.

/** postgres.js's own codes for a connection it lost or could not open. */
const driverCodes = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
]);
/** The socket's own errors for a server that is not there or went away. */
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);

/**
 * Whether `error` (or any error in its `cause` chain: Drizzle and tRPC wrap the driver's) says the
 * database could not be reached, rather than that a statement failed. Besides the driver's and the
 * socket's codes, that is SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server
 * shutting down, crashed, or still starting).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let current = error, depth = 0;
    current instanceof Error && depth < 8;
    current = current.cause, depth++
  ) {
    const code = "code" in current && typeof current.code === "string" ? current.code : undefined;
    if (code === undefined) continue;
    if (
      driverCodes.has(code) ||
      socketCodes.has(code) ||
      code.startsWith("08") ||
      /^57P0[123]$/.test(code)
    )
      return true;
  }
  return false;
}
