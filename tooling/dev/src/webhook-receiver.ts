import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { generate } from "selfsigned";

/** One request the receiver got: what an agency's system would see. */
export interface ReceivedWebhook {
  at: Date;
  /** `performance.now()` when the body was complete, for latencies measured in this process. */
  arrivedAt: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The status the receiver answered with. */
  status: number;
}

export interface WebhookReceiver {
  /** `https://127.0.0.1:<port>/hook` */
  url: string;
  /** The receiver's self-signed certificate (PEM): the sender must trust it, as it would an agency's private CA. */
  certificate: string;
  received: ReceivedWebhook[];
  /** Answers 503 to the next `count` requests (an agency's system that is down), then 204 again. */
  failNext: (count: number) => void;
  /** Answers 503 until told otherwise. */
  setDown: (down: boolean) => void;
  close: () => Promise<void>;
}

/**
 * An agency's webhook endpoint on this machine, over HTTPS with a throwaway certificate for
 * 127.0.0.1: tests and benchmarks point an agency contact at it and read what was delivered.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  });
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  let down = false;
  const server: Server = createServer(
    { key: pems.private, cert: pems.cert },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const failing = down || failures > 0;
        if (failures > 0) failures -= 1;
        const status = failing ? 503 : 204;
        received.push({
          at: new Date(),
          arrivedAt: performance.now(),
          headers: request.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          status,
        });
        response.writeHead(status).end();
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${String(port)}/hook`,
    certificate: pems.cert,
    received,
    failNext: (count) => {
      failures = count;
    },
    setDown: (value) => {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
