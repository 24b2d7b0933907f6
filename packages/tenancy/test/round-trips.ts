import { createServer, connect, type Socket } from "node:net";

/**
 * A TCP proxy on loopback between a client and Postgres that counts round trips: on each proxied
 * connection, a round trip starts whenever the client sends after Postgres last spoke (or for the
 * first time). However the bytes are split into packets, a client that waits for an answer before
 * it writes again is counted once per wait, and statements written together (pipelined) count once.
 */
export interface RoundTripCounter {
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  url: string;
  /** Round trips since the proxy started or since the last `reset`, over all connections. */
  count: () => number;
  reset: () => void;
  close: () => Promise<void>;
}

export async function countRoundTrips(databaseUrl: string): Promise<RoundTripCounter> {
  const target = new URL(databaseUrl);
  let roundTrips = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    let clientsTurn = false;
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
      socket.on("error", () => {}); // the close handler tears both ends down
    }
    client.on("data", (chunk) => {
      if (!clientsTurn) roundTrips++;
      clientsTurn = true;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      clientsTurn = false;
      client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("the round-trip proxy has no port");
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);
  return {
    url: url.toString(),
    count: () => roundTrips,
    reset: () => {
      roundTrips = 0;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
