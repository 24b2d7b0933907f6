import { commentText, hostPort, type PlannedTrunk, type TelephonyTenant } from "./trunk-plan.ts";

type Line = string | false;

/** A value in an Asterisk .conf file: `;` would start a comment, so it is escaped. */
function value(text: string): string {
  return text.replaceAll(";", "\\;");
}

function section(name: string, fields: [string, string][]): string[] {
  return [`[${name}]`, ...fields.map(([key, field]) => `${key}=${value(field)}`), ""];
}

function sipUri(trunk: PlannedTrunk, user?: string): string {
  const transport = trunk.transport === "udp" ? "" : `;transport=${trunk.transport}`;
  return `sip:${user ? `${user}@` : ""}${hostPort(trunk.sipHost, trunk.sipPort)}${transport}`;
}

function pjsipSections(trunk: PlannedTrunk): string[] {
  const transport = `transport-${trunk.transport}`;
  const auth = trunk.auth;
  const matches = auth.kind === "digest" ? [trunk.sipHost] : auth.addresses.toSorted();
  return [
    `; ${commentText(trunk.name)} (${trunk.carrier}, ${trunk.status}), at most ${String(trunk.maxChannels)} calls at once`,
    ...section(trunk.key, [
      ["type", "endpoint"],
      ["transport", transport],
      ["context", `from-trunk-${trunk.key}`],
      ["disallow", "all"],
      ["allow", trunk.codecs.join(",")],
      ["aors", trunk.key],
      ...(auth.kind === "digest"
        ? ([["outbound_auth", `${trunk.key}-auth`]] as [string, string][])
        : []),
      ["direct_media", "no"],
    ]),
    ...section(trunk.key, [
      ["type", "aor"],
      ["contact", sipUri(trunk)],
      ["qualify_frequency", "60"],
    ]),
    ...(auth.kind === "digest"
      ? [
          ...section(`${trunk.key}-auth`, [
            ["type", "auth"],
            ["auth_type", "userpass"],
            ["username", auth.username],
            ["password", auth.password],
          ]),
          ...section(`${trunk.key}-registration`, [
            ["type", "registration"],
            ["transport", transport],
            ["outbound_auth", `${trunk.key}-auth`],
            ["server_uri", sipUri(trunk)],
            ["client_uri", sipUri(trunk, auth.username)],
            ["retry_interval", "60"],
          ]),
        ]
      : []),
    ...section(`${trunk.key}-identify`, [
      ["type", "identify"],
      ["endpoint", trunk.key],
      ...matches.map((match): [string, string] => ["match", match]),
    ]),
  ];
}

/**
 * Each DID enters the tenant's 112 context once the trunk has a free channel; calls beyond
 * `maxChannels` are refused with cause 34 (no circuit available) so the carrier can overflow.
 */
function dialplanContext(tenant: TelephonyTenant, trunk: PlannedTrunk): string[] {
  const group = `${trunk.key}@sigap-trunks`;
  const lines: Line[] = [
    `[from-trunk-${trunk.key}]`,
    `; ${commentText(trunk.name)}: ${String(trunk.dids.length)} DID(s)`,
    trunk.dids.length === 0 && "; no DIDs yet: every call on this trunk is refused",
    ...trunk.dids.flatMap((did) => [
      `exten => ${did},1,Set(GROUP(sigap-trunks)=${trunk.key})`,
      ` same => n,ExecIf($[\${GROUP_COUNT(${group})} > ${String(trunk.maxChannels)}]?Hangup(34))`,
      ` same => n,Goto(sigap-112-${tenant.slug},\${EXTEN},1)`,
    ]),
    "",
  ];
  return lines.filter((line) => line !== false);
}

/**
 * The Asterisk side of a tenant's trunks: PJSIP sections (endpoint, aor, auth and registration for
 * digest trunks, identify) for pjsip.conf, then one dialplan context per trunk for
 * extensions.conf. The transports `transport-udp|tcp|tls` and the context `sigap-112-<tenant>`
 * that hands calls to the platform belong to the PBX's own configuration.
 */
export function asteriskConfig(tenant: TelephonyTenant, trunks: readonly PlannedTrunk[]): string {
  const title = `${commentText(tenant.displayName)} (${tenant.slug}, region ${tenant.regionCode})`;
  return [
    `; Sigap 112 telephony configuration for ${title}`,
    "; Generated; edit the trunks in Sigap 112 and export again rather than editing here.",
    "; Contains SIP digest passwords: store it like the rest of the PBX configuration.",
    "",
    "; ===== pjsip.conf =====",
    "",
    ...trunks.flatMap(pjsipSections),
    "; ===== extensions.conf =====",
    "",
    ...trunks.flatMap((trunk) => dialplanContext(tenant, trunk)),
  ].join("\n");
}
