import { randomUUID } from "node:crypto";
import { createSocket, type Socket } from "node:dgram";
import { once } from "node:events";

// Just enough SIP over UDP to place and take one call through Kamailio: parse and build messages,
// a caller (UAC) that follows the dialog's route set, and a callee (UAS) that answers as a seat.

export interface SipMessage {
  /** The request's method, or undefined for a response. */
  method: string | undefined;
  /** The response's status, or undefined for a request. */
  status: number | undefined;
  /** The request URI (requests only). */
  uri: string;
  /** Header values by lower-case name, in order. */
  headers: Map<string, string[]>;
  text: string;
}

export function parseSip(text: string): SipMessage {
  const [head = ""] = text.split("\r\n\r\n");
  const [startLine = "", ...lines] = head.split("\r\n");
  const headers = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  const response = /^SIP\/2\.0 (\d{3})/.exec(startLine);
  const [method, uri = ""] = startLine.split(" ");
  return response
    ? { method: undefined, status: Number(response[1]), uri: "", headers, text }
    : { method, status: undefined, uri, headers, text };
}

export function header(message: SipMessage, name: string): string {
  return message.headers.get(name.toLowerCase())?.[0] ?? "";
}

/** The URI inside a name-addr (`"x" <sip:a@b>;tag=1` → `sip:a@b`). */
export function uriOf(nameAddr: string): string {
  return /<([^>]+)>/.exec(nameAddr)?.[1] ?? nameAddr.split(";")[0] ?? nameAddr;
}

function build(startLine: string, headers: [string, string][], body = ""): string {
  return [
    startLine,
    ...headers.map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${String(Buffer.byteLength(body))}`,
    "",
    body,
  ].join("\r\n");
}

/** A UDP socket on loopback whose received messages are awaited by what they are, not by time. */
export class SipEndpoint {
  readonly socket: Socket;
  private readonly received: SipMessage[] = [];
  private readonly waiters: {
    match: (message: SipMessage) => boolean;
    resolve: (message: SipMessage) => void;
  }[] = [];
  onRequest: ((message: SipMessage) => void) | undefined;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on("message", (data) => {
      const message = parseSip(data.toString());
      if (message.method !== undefined) this.onRequest?.(message);
      const waiter = this.waiters.findIndex((candidate) => candidate.match(message));
      if (waiter >= 0) this.waiters.splice(waiter, 1)[0]?.resolve(message);
      else this.received.push(message);
    });
  }

  static async open(address = "127.0.0.1"): Promise<SipEndpoint> {
    const socket = createSocket(address.includes(":") ? "udp6" : "udp4");
    socket.bind(0, address);
    await once(socket, "listening");
    return new SipEndpoint(socket);
  }

  get address(): string {
    return this.socket.address().address;
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** `host:port` of this endpoint as a SIP URI writes it. */
  get hostPort(): string {
    return `${this.address}:${String(this.port)}`;
  }

  send(text: string, port: number, address = "127.0.0.1"): void {
    this.socket.send(text, port, address);
  }

  /** The first message (already received or still to come) that `match` accepts. */
  next(
    match: (message: SipMessage) => boolean,
    what: string,
    timeoutMs = 5000,
  ): Promise<SipMessage> {
    const index = this.received.findIndex(match);
    if (index >= 0) return Promise.resolve(this.received.splice(index, 1)[0] as SipMessage);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (message: SipMessage) => {
          clearTimeout(timer);
          resolve(message);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no ${what} within ${String(timeoutMs)} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** A final response (≥ 200) to the request with `cseqMethod`. */
export const finalResponseTo = (cseqMethod: string) => (message: SipMessage) =>
  message.status !== undefined &&
  message.status >= 200 &&
  header(message, "cseq").endsWith(` ${cseqMethod}`);

/** A response to `request` echoing what RFC 3261 §8.2.6 says it must; `toTag` completes the dialog. */
export function responseTo(
  request: SipMessage,
  status: number,
  reason: string,
  extra: { toTag?: string; contact?: string } = {},
): string {
  const to = header(request, "to");
  const headers: [string, string][] = [
    ...(request.headers.get("via") ?? []).map((via): [string, string] => ["Via", via]),
    ...(request.headers.get("record-route") ?? []).map((route): [string, string] => [
      "Record-Route",
      route,
    ]),
    ["From", header(request, "from")],
    ["To", extra.toTag && !to.includes(";tag=") ? `${to};tag=${extra.toTag}` : to],
    ["Call-ID", header(request, "call-id")],
    ["CSeq", header(request, "cseq")],
  ];
  if (extra.contact) headers.push(["Contact", extra.contact]);
  return build(`SIP/2.0 ${String(status)} ${reason}`, headers);
}

/**
 * A seat that takes calls: INVITE → 180, then 200 with its own Contact (486 Busy Here to callers
 * in `busyFor`); BYE → 200. Requests it took are kept in `requests`.
 */
export async function openSeat(seat: string, behaviour: { busyFor?: string[] } = {}) {
  const endpoint = await SipEndpoint.open();
  const requests: SipMessage[] = [];
  endpoint.onRequest = (request) => {
    requests.push(request);
    const [via] = request.headers.get("via") ?? [];
    const sent = /SIP\/2\.0\/UDP ([^;:]+):(\d+)/i.exec(via ?? "");
    const reply = (text: string) => {
      endpoint.send(text, Number(sent?.[2]), sent?.[1]);
    };
    const toTag = "seat-tag";
    if (request.method === "INVITE") {
      reply(responseTo(request, 180, "Ringing", { toTag }));
      const caller = /sip:([^@]+)@/.exec(header(request, "from"))?.[1] ?? "";
      if (behaviour.busyFor?.includes(caller))
        reply(responseTo(request, 486, "Busy Here", { toTag }));
      else
        reply(
          responseTo(request, 200, "OK", { toTag, contact: `<sip:${seat}@${endpoint.hostPort}>` }),
        );
    } else if (request.method === "BYE") {
      reply(responseTo(request, 200, "OK"));
    }
  };
  return { endpoint, requests };
}

/** A caller: places a call to `did` through the proxy at `proxyPort`, following the dialog it gets. */
export async function openCaller(caller: string, address = "127.0.0.1") {
  const endpoint = await SipEndpoint.open(address);
  const callId = `${randomUUID()}@sigap-test`;
  const fromTag = randomUUID().slice(0, 8);
  const via = () =>
    `SIP/2.0/UDP ${endpoint.hostPort};branch=z9hG4bK${randomUUID().replaceAll("-", "")};rport`;
  const from = `<sip:${caller}@${endpoint.hostPort}>;tag=${fromTag}`;
  let dialog: { to: string; remoteTarget: string; routes: string[] } | undefined;

  async function invite(did: string, proxyPort: number): Promise<SipMessage> {
    const uri = `sip:${did}@127.0.0.1:${String(proxyPort)}`;
    const headers: [string, string][] = [
      ["Via", via()],
      ["Max-Forwards", "70"],
      ["From", from],
      ["To", `<${uri}>`],
      ["Call-ID", callId],
      ["CSeq", "1 INVITE"],
      ["Contact", `<sip:${caller}@${endpoint.hostPort}>`],
    ];
    endpoint.send(build(`INVITE ${uri} SIP/2.0`, headers), proxyPort);
    const final = await endpoint.next(finalResponseTo("INVITE"), "final response to INVITE");
    if (final.status !== undefined && final.status < 300) {
      // The UAC's route set is the Record-Route list in reverse (RFC 3261 §12.1.2).
      const routes = (final.headers.get("record-route") ?? [])
        .flatMap((value) => value.split(",").map((route) => route.trim()))
        .toReversed();
      dialog = { to: header(final, "to"), remoteTarget: uriOf(header(final, "contact")), routes };
    } else {
      // A failure is acknowledged within its transaction, to the proxy that sent it.
      endpoint.send(
        build(`ACK ${uri} SIP/2.0`, [
          ["Via", header(final, "via")],
          ["Max-Forwards", "70"],
          ["From", from],
          ["To", header(final, "to")],
          ["Call-ID", callId],
          ["CSeq", "1 ACK"],
        ]),
        proxyPort,
      );
    }
    return final;
  }

  function inDialog(method: string, cseq: number, proxyPort: number): void {
    if (!dialog) throw new Error(`${method} needs an answered call`);
    const headers: [string, string][] = [
      ["Via", via()],
      ["Max-Forwards", "70"],
      ...dialog.routes.map((route): [string, string] => ["Route", route]),
      ["From", from],
      ["To", dialog.to],
      ["Call-ID", callId],
      ["CSeq", `${String(cseq)} ${method}`],
    ];
    endpoint.send(build(`${method} ${dialog.remoteTarget} SIP/2.0`, headers), proxyPort);
  }

  return {
    endpoint,
    callId,
    invite,
    ack: (proxyPort: number) => {
      inDialog("ACK", 1, proxyPort);
    },
    bye: async (proxyPort: number) => {
      inDialog("BYE", 2, proxyPort);
      return endpoint.next(finalResponseTo("BYE"), "final response to BYE");
    },
  };
}
