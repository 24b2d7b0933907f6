import {
  codecs,
  type Carrier,
  type Codec,
  type Transport,
  type Trunk,
  type TrunkInput,
  type TrunkStatus,
} from "./types.ts";

/** The lines of a one-per-line text box, trimmed, blank lines dropped. */
export function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** A whole number as typed, else NaN, which the API names as the field to fix. */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The trunk form's editable copy; a fresh one per saved version, so a save shows what was kept. */
export class TrunkDraft {
  name = $state("");
  carrier: Carrier = $state("telkomsel");
  sipHost = $state("");
  sipPort = $state("5060");
  transport: Transport = $state("udp");
  maxChannels = $state("30");
  codecs: Codec[] = $state(["alaw", "ulaw"]);
  authKind: "digest" | "ip_allow_list" = $state("digest");
  username = $state("");
  /** Write-only: blank keeps the stored password. */
  password = $state("");
  addresses = $state("");
  status: TrunkStatus = $state("provisioning");

  /** The saved version this copy started from (blank for a new trunk). */
  readonly version: string;

  constructor(version: string, trunk?: Trunk) {
    this.version = version;
    if (!trunk) return;
    this.name = trunk.name;
    this.carrier = trunk.carrier;
    this.sipHost = trunk.sipHost;
    this.sipPort = String(trunk.sipPort);
    this.transport = trunk.transport;
    this.maxChannels = String(trunk.maxChannels);
    this.codecs = trunk.codecs.filter((codec): codec is Codec =>
      (codecs as readonly string[]).includes(codec),
    );
    this.authKind = trunk.auth.kind;
    if (trunk.auth.kind === "digest") this.username = trunk.auth.username;
    else this.addresses = trunk.auth.addresses.join("\n");
    this.status = trunk.status;
  }

  input(): TrunkInput {
    return {
      name: this.name,
      carrier: this.carrier,
      sipHost: this.sipHost.trim(),
      sipPort: wholeNumber(this.sipPort),
      transport: this.transport,
      maxChannels: wholeNumber(this.maxChannels),
      codecs: this.codecs,
      auth:
        this.authKind === "digest"
          ? {
              kind: "digest",
              username: this.username,
              ...(this.password === "" ? {} : { password: this.password }),
            }
          : { kind: "ip_allow_list", addresses: lines(this.addresses) },
      status: this.status,
    };
  }
}
