import { kamailioPermissions } from "./kamailio.ts";
import type { PlannedTrunk, TelephonyTenant } from "./trunk-plan.ts";

/** A trunk on the platform's SBC: its event secret opened (null: the trunk cannot report calls yet). */
export interface SbcTrunk extends PlannedTrunk {
  eventSecret: string | null;
}

/** One region on the SBC: where its calls go (null: not set yet), and its trunks as `planTrunks` placed them. */
export interface SbcRegion {
  tenant: TelephonyTenant;
  destination: string | null;
  trunks: readonly SbcTrunk[];
}

export interface SbcOptions {
  /** The address the SBC listens on for SIP (UDP and TCP): 0.0.0.0, or one IPv4/IPv6 address. */
  sipAddress: string;
  sipPort: number;
  /** The platform's event route as the SBC reaches it (…/v1/telephony/events). */
  eventUrl: string;
  /** Where the files are installed on the SBC: the script names the others by this absolute path. */
  directory: string;
}

/** The files of the SBC's configuration, by name, all in `SbcOptions.directory`. */
export interface SbcFiles {
  "kamailio.cfg": string;
  "sigap-regions.cfg": string;
  "address.list": string;
}

/** The forms a carrier may deliver a dialled number in: E.164, without the plus, and national with the trunk 0. */
export function didForms(e164: string): string[] {
  const national = e164.replace(/^\+62/, "");
  return [e164, `62${national}`, `0${national}`];
}

/** A value inside a Kamailio script string: what the platform validated never needs escaping, so anything else is a bug. */
function quoted(value: string): string {
  if (/["\\$\p{Cc}]/u.test(value))
    throw new Error(`refusing to write ${JSON.stringify(value)} into the SBC script`);
  return `"${value}"`;
}

/** `udp:host:port` with an IPv6 address in brackets, as Kamailio's `listen` takes it. */
function socket(protocol: string, address: string, port: number): string {
  return `${protocol}:${address.includes(":") ? `[${address}]` : address}:${String(port)}`;
}

/**
 * The data the script routes by, loaded into the `sigap` hash table when Kamailio starts: each
 * dialled number (in every form a carrier may send it) to its E.164 number, each number to its
 * trunk, each trunk to its permissions group, region and event secret, each region to its
 * destination. Only what this file holds is routed: a number of no active trunk gets 404.
 */
function regionsInclude(regions: readonly SbcRegion[]): string {
  const lines = [
    "# Sigap 112: the regions, trunks and numbers of the platform SBC. Generated; carries event secrets.",
    "event_route[htable:mod-init] {",
  ];
  for (const region of regions) {
    lines.push(`  # ${region.tenant.slug} (region ${region.tenant.regionCode})`);
    if (region.destination !== null)
      lines.push(
        `  $sht(sigap=>destination:${region.tenant.slug}) = ${quoted(region.destination)};`,
      );
    for (const trunk of region.trunks) {
      lines.push(
        `  $sht(sigap=>group:${trunk.id}) = ${String(trunk.setId)};`,
        `  $sht(sigap=>tenant:${trunk.id}) = ${quoted(region.tenant.slug)};`,
      );
      if (trunk.eventSecret !== null)
        lines.push(`  $sht(sigap=>secret:${trunk.id}) = ${quoted(trunk.eventSecret)};`);
      for (const did of trunk.dids) {
        lines.push(`  $sht(sigap=>trunk:${did}) = ${quoted(trunk.id)};`);
        for (const form of didForms(did))
          lines.push(`  $sht(sigap=>did:${form}) = ${quoted(did)};`);
      }
    }
  }
  lines.push("}", "");
  return lines.join("\n");
}

/** Every region's permissions entries in one address file (groups are unique across regions). */
function addressList(regions: readonly SbcRegion[]): string {
  return regions.map((region) => kamailioPermissions(region.tenant, region.trunks)).join("\n");
}

/**
 * The platform SBC's Kamailio 5.6 configuration for every region at once: the routing script, the
 * regions it includes, and the permissions address file. The script accepts an INVITE only from a
 * source of the trunk its dialled number arrives on, forwards it to the region's destination, and
 * reports the call's life (offered, answered, abandoned, ended) to the event API signed with that
 * trunk's event secret. Reports are queued and posted by timer processes, so a slow or unreachable
 * API never holds up a call; a failed post is retried for about a minute (events are idempotent).
 */
export function kamailioSbc(options: SbcOptions, regions: readonly SbcRegion[]): SbcFiles {
  const file = (name: keyof SbcFiles) => quoted(`${options.directory.replace(/\/+$/, "")}/${name}`);
  const script = `#!KAMAILIO
#
# Sigap 112: the platform SBC. Generated for ${String(regions.length)} region(s); generate again rather than editing.
# Needs Debian's kamailio, kamailio-utils-modules (http_client), kamailio-extra-modules (jansson)
# and kamailio-tls-modules (crypto).

debug=2
log_stderror=no
log_facility=LOG_LOCAL0
children=4
tcp_children=2
auto_aliases=no
dns=no
rev_dns=no
listen=${socket("udp", options.sipAddress, options.sipPort)}
listen=${socket("tcp", options.sipAddress, options.sipPort)}

loadmodule "tm.so"
loadmodule "tmx.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "textops.so"
loadmodule "siputils.so"
loadmodule "xlog.so"
loadmodule "dialog.so"
loadmodule "permissions.so"
loadmodule "htable.so"
loadmodule "mqueue.so"
loadmodule "rtimer.so"
loadmodule "jansson.so"
loadmodule "crypto.so"
loadmodule "http_client.so"

# Ringing goes on as long as the region's destination lets it: a 112 call is never cut short here.
modparam("tm", "fr_inv_timer", 120000)
modparam("rr", "append_fromtag", 1)
modparam("permissions", "address_file", ${file("address.list")})
modparam("htable", "htable", "sigap=>size=14;")
# One report per call and kind, whatever retransmissions the SBC sees.
modparam("htable", "htable", "reported=>size=14;autoexpire=86400;")
modparam("mqueue", "mqueue", "name=sigap_events;size=100000")
modparam("mqueue", "mqueue", "name=sigap_retry;size=100000")
modparam("rtimer", "timer", "name=deliver;interval=20000u;mode=1;")
modparam("rtimer", "exec", "timer=deliver;route=DELIVER")
modparam("rtimer", "timer", "name=redeliver;interval=5;mode=1;")
modparam("rtimer", "exec", "timer=redeliver;route=REDELIVER")
modparam("http_client", "connection_timeout", 3)
modparam("http_client", "keep_connections", 1)

include_file ${file("sigap-regions.cfg")}

request_route {
  if (!mf_process_maxfwd_header("10")) {
    sl_send_reply("483", "Too Many Hops");
    exit;
  }
  if (has_totag()) {
    route(IN_DIALOG);
    exit;
  }
  if (is_method("CANCEL")) {
    if (t_check_trans()) t_relay();
    exit;
  }
  if (is_method("ACK")) {
    if (t_check_trans()) t_relay();
    exit;
  }
  # Strangers learn nothing about which numbers exist.
  if (!allow_source_address_group()) {
    sl_send_reply("403", "Forbidden");
    exit;
  }
  if (is_method("OPTIONS")) {
    sl_send_reply("200", "OK");
    exit;
  }
  if (!is_method("INVITE")) {
    sl_send_reply("405", "Method Not Allowed");
    exit;
  }
  if (t_check_trans()) exit;
  route(NEW_CALL);
}

route[NEW_CALL] {
  if ($sht(sigap=>did:$rU) == $null) {
    sl_send_reply("404", "Not Found");
    exit;
  }
  $var(did) = $sht(sigap=>did:$rU);
  $var(trunk) = $sht(sigap=>trunk:$var(did));
  # A carrier may only ring the numbers of its own trunk.
  if (!allow_source_address("$sht(sigap=>group:$var(trunk))")) {
    sl_send_reply("403", "Forbidden");
    exit;
  }
  $var(tenant) = $sht(sigap=>tenant:$var(trunk));
  dlg_manage();
  $dlg_var(did) = $var(did);
  $dlg_var(trunk) = $var(trunk);
  $dlg_var(caller) = $fU;
  route(REPORT_OFFERED);
  if ($sht(sigap=>destination:$var(tenant)) == $null) {
    xlog("L_ERR", "sigap: no call-taking destination for $var(tenant); call $ci to $var(did) refused\\n");
    $var(type) = "call.abandoned";
    route(REPORT);
    sl_send_reply("480", "No Call-Taking Destination");
    exit;
  }
  record_route();
  $ru = $sht(sigap=>destination:$var(tenant));
  t_on_reply("CALL_REPLY");
  t_on_failure("CALL_FAILED");
  if (!t_relay()) sl_reply_error();
  exit;
}

route[IN_DIALOG] {
  if (!loose_route()) {
    if (is_method("ACK") && t_check_trans()) t_relay();
    else if (!is_method("ACK")) sl_send_reply("404", "Not Here");
    exit;
  }
  if (is_method("BYE") && $dlg_var(trunk) != $null) {
    $var(did) = $dlg_var(did);
    $var(trunk) = $dlg_var(trunk);
    $var(type) = "call.ended";
    route(REPORT);
  }
  t_relay();
}

onreply_route[CALL_REPLY] {
  if (!is_method("INVITE") || $rs < 200 || $rs >= 300) return;
  $var(seat) = $(ct{tobody.user});
  if ($var(seat) == "" || $var(seat) == $null) $var(seat) = $tU;
  $var(did) = $dlg_var(did);
  $var(trunk) = $dlg_var(trunk);
  $var(type) = "call.answered";
  route(REPORT);
}

# A failure before answer (the caller hung up: CANCEL, 487; busy; no answer) abandons the call.
failure_route[CALL_FAILED] {
  $var(did) = $dlg_var(did);
  $var(trunk) = $dlg_var(trunk);
  $var(type) = "call.abandoned";
  route(REPORT);
}

route[REPORT_OFFERED] {
  $var(type) = "call.offered";
  route(REPORT);
}

# Queues one event of the current call ($var(type), $var(did), $var(trunk)) for the timer to post.
route[REPORT] {
  $var(key) = $ci + "|" + $var(type);
  if ($sht(reported=>$var(key)) != $null) return;
  $sht(reported=>$var(key)) = 1;
  if ($sht(sigap=>secret:$var(trunk)) == $null) {
    xlog("L_ERR", "sigap: trunk $var(trunk) has no event secret; $var(type) of $ci not reported\\n");
    return;
  }
  $var(event) = "{}";
  jansson_set("string", "eventId", "sbc-$(ci{s.md5})-$(var(type){s.select,1,.})", "$var(event)");
  jansson_set("string", "type", "$var(type)", "$var(event)");
  jansson_set("string", "callId", "$(ci{s.substr,0,255})", "$var(event)");
  jansson_set("string", "did", "$var(did)", "$var(event)");
  # The event API takes Indonesian numbers only; anything else (withheld, foreign) is reported unknown.
  if ($dlg_var(caller) =~ "^(\\\\+?62|0)(8[0-9]{8,11}|[2-79][0-9]{7,10})$") jansson_set("string", "caller", "$dlg_var(caller)", "$var(event)");
  else jansson_set("null", "caller", "0", "$var(event)");
  jansson_set("string", "occurredAt", "$utimef(%Y-%m-%dT%H:%M:%SZ)", "$var(event)");
  if ($var(type) == "call.answered") jansson_set("string", "seat", "$(var(seat){s.substr,0,100})", "$var(event)");
  if (!mq_add("sigap_events", "$var(trunk)|0", "$var(event)")) xlog("L_ERR", "sigap: event queue full; $var(type) of $ci lost\\n");
}

route[DELIVER] {
  while (mq_fetch("sigap_events")) {
    $var(key) = $mqk(sigap_events);
    $var(body) = $mqv(sigap_events);
    route(POST);
  }
}

# Only what was waiting when the round began: a post that fails again waits for the next round.
route[REDELIVER] {
  $var(waiting) = mq_size("sigap_retry");
  while ($var(waiting) > 0 && mq_fetch("sigap_retry")) {
    $var(waiting) = $var(waiting) - 1;
    $var(key) = $mqk(sigap_retry);
    $var(body) = $mqv(sigap_retry);
    route(POST);
  }
}

# Signs $var(body) with its trunk's secret now (the timestamp must be fresh) and posts it.
route[POST] {
  $var(trunk) = $(var(key){s.select,0,|});
  $var(attempt) = $(var(key){s.select,1,|}{s.int});
  $var(timestamp) = $TS;
  crypto_hmac_sha256("$var(timestamp).$var(body)", "$sht(sigap=>secret:$var(trunk))", "$var(mac)");
  $var(headers) = "Content-Type: application/json\\r\\nX-Sigap-Timestamp: " + $var(timestamp) + "\\r\\nX-Sigap-Signature: sha256=" + $(var(mac){s.decode.base64url}{s.encode.hexa});
  http_client_query(${quoted(options.eventUrl)}, "$var(body)", "$var(headers)", "$var(answer)");
  $var(status) = $rc;
  if ($var(status) >= 200 && $var(status) < 300) return;
  # Refused for good (bad signature, unknown number): sending it again cannot help.
  if ($var(status) >= 400 && $var(status) < 500 && $var(status) != 408 && $var(status) != 429) {
    xlog("L_ERR", "sigap: event refused with $var(status): $var(answer) for $var(body)\\n");
    return;
  }
  if ($var(attempt) >= 12) {
    xlog("L_ERR", "sigap: event not delivered after $var(attempt) attempts: $var(body)\\n");
    return;
  }
  $var(attempt) = $var(attempt) + 1;
  mq_add("sigap_retry", "$var(trunk)|$var(attempt)", "$var(body)");
}
`;
  return {
    "kamailio.cfg": script,
    "sigap-regions.cfg": regionsInclude(regions),
    "address.list": addressList(regions),
  };
}
