import type { ServerType } from "@hono/node-server";

/**
 * Keeps idle keep-alive connections open longer than clients do (fetch drops its idle ones after a
 * few seconds; load balancers after a minute). Node closes them after 5 s by default: a client that
 * reuses a connection at the moment the server closes it gets ECONNRESET for a request that never
 * arrived. When the client always closes first, that race cannot happen.
 */
export function outlastClientKeepAlive(server: ServerType): void {
  if (!("keepAliveTimeout" in server)) return;
  server.keepAliveTimeout = 65_000;
  // Node requires headersTimeout above keepAliveTimeout, or a slow request's headers time out first.
  server.headersTimeout = 66_000;
}
