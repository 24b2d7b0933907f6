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
  /**
   * From now on, holds back Postgres's answer to a COMMIT (and everything after it on that
   * connection) until the returned function is called: shows whether a client waits for it.
   */
  holdCommitAnswers: () => () => void;
  close: () => Promise<void>;
}

/** CommandComplete ('C', length 11) with the tag COMMIT: how Postgres answers a COMMIT. */
const commitComplete = Buffer.concat([Buffer.from([0x43, 0, 0, 0, 11]), Buffer.from("COMMIT\0")]);

export async function countRoundTrips(databaseUrl: string): Promise<RoundTripCounter> {
  const target = new URL(databaseUrl);
  let roundTrips = 0;
  let holdingCommits = false;
  /** Per client connection whose answers are held, what Postgres said since the hold began. */
  const held = new Map<Socket, Buffer[]>();
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
    upstream.on("data", (chunk: Buffer) => {
      clientsTurn = false;
      if (holdingCommits && !held.has(client) && chunk.includes(commitComplete))
        held.set(client, []);
      const heldHere = held.get(client);
      if (heldHere) heldHere.push(chunk);
      else client.write(chunk);
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
    holdCommitAnswers: () => {
      holdingCommits = true;
      return () => {
        holdingCommits = false;
        for (const [client, chunks] of held) for (const chunk of chunks) client.write(chunk);
        held.clear();
      };
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
