import type { Translation } from "../../types.ts";
import type { trunksPagesId } from "../id/trunks.ts";

export const trunksPagesEn = {
  "trunks.nav": "Phone trunks",
  "trunks.navDescription": "SIP trunks from the carriers, the 112 DIDs, and the PBX configuration.",
  "trunks.pageTitle": "Phone trunks",
  "trunks.intro": "The SIP trunks carrying 112 calls to {tenant}, and the DIDs arriving over each.",
  "trunks.add": "Add a trunk",
  "trunks.back": "← All trunks",

  "trunks.table.caption": "Phone trunks",
  "trunks.table.name": "Name",
  "trunks.table.carrier": "Carrier",
  "trunks.table.signalling": "SIP address",
  "trunks.table.status": "Status",
  "trunks.table.dids": "DIDs",
  "trunks.table.empty": "No trunks yet. Add the connection from your telecom carrier.",

  "trunks.carrier.telkomsel": "Telkomsel",
  "trunks.carrier.indosat_ooredoo_hutchison": "Indosat Ooredoo Hutchison",
  "trunks.carrier.xlsmart": "XLSmart",
  "trunks.carrier.telkom": "Telkom",
  "trunks.carrier.other": "Other",
  "trunks.status.provisioning": "Provisioning",
  "trunks.status.testing": "Testing",
  "trunks.status.active": "Active",
  "trunks.status.disabled": "Disabled",
  "trunks.auth.digest": "Digest (username and password)",
  "trunks.auth.ipAllowList": "IP address allow-list",

  "trunks.form.newTitle": "Add a trunk",
  "trunks.form.newIntro":
    "Enter the connection details from the carrier. DIDs are added once the trunk is saved.",
  "trunks.form.editTitle": "Trunk settings",
  "trunks.form.carrier": "Carrier",
  "trunks.form.name": "Name",
  "trunks.form.nameHint": "Unique in this region; used as the name in the PBX configuration.",
  "trunks.form.signalling": "SIP signalling",
  "trunks.form.sipHost": "Host or IP address",
  "trunks.form.sipHostHint": "Such as sip.telkomsel.example or 203.0.113.10.",
  "trunks.form.sipPort": "Port",
  "trunks.form.transport": "Transport",
  "trunks.form.maxChannels": "Maximum concurrent channels",
  "trunks.form.maxChannelsHint": "Simultaneous calls under the contract, 1 to 10000.",
  "trunks.form.codecs": "Codecs",
  "trunks.form.codecsHint": "Choose at least one; preference follows the order shown here.",
  "trunks.form.auth": "Authentication",
  "trunks.form.username": "Username",
  "trunks.form.password": "Password",
  "trunks.form.passwordHint": "Stored encrypted and never shown again.",
  "trunks.form.passwordStored": "Stored — type to replace",
  "trunks.form.addresses": "Allowed IP addresses",
  "trunks.form.addressesHint": "One address or CIDR range per line, such as 203.0.113.0/28.",
  "trunks.form.status": "Status",
  "trunks.form.create": "Save trunk",
  "trunks.form.save": "Save changes",
  "trunks.form.saved": "Changes saved.",

  "trunks.error.name": "Enter the trunk's name on one line (at most 100 characters).",
  "trunks.error.nameTaken": "Another trunk of this region already has this name.",
  "trunks.error.carrier": "Choose a carrier.",
  "trunks.error.sipHost": "Enter a valid host name or IPv4/IPv6 address.",
  "trunks.error.sipPort": "Enter a port number from 1 to 65535.",
  "trunks.error.transport": "Choose UDP, TCP or TLS.",
  "trunks.error.maxChannels": "Enter a whole number from 1 to 10000.",
  "trunks.error.codecs": "Choose at least one codec.",
  "trunks.error.status": "Choose a status.",
  "trunks.error.username": "A username of 1–128 letters, digits or . _ ~ + -.",
  "trunks.error.password":
    "A password of 1–128 visible ASCII characters, without spaces or a backslash.",
  "trunks.error.passwordRequired": "Enter a password for digest authentication.",
  "trunks.error.addresses": "Enter 1 to 50 valid IP addresses or CIDR ranges, one per line.",

  "trunks.dids.title": "DIDs",
  "trunks.dids.label": "Inbound DIDs (one per line)",
  "trunks.dids.hint":
    "Any Indonesian format works (031 1234567, +62 31 1234567); stored as +62…. This list replaces all of the trunk's numbers.",
  "trunks.dids.save": "Save DIDs",
  "trunks.dids.saved": { one: "{count} DID saved.", other: "{count} DIDs saved." },
  "trunks.dids.none": "No numbers yet",
  "trunks.dids.conflict": "Some numbers are already in use. Nothing was saved.",
  "trunks.dids.lineError": "Line {line} ({value}): {message}",
  "trunks.dids.invalid": "not a valid Indonesian number.",
  "trunks.dids.repeated": "this number is already on another line.",
  "trunks.dids.takenElsewhere":
    "is not available. Choose another number, or ask the carrier which numbers belong to this region.",
  "trunks.dids.onOtherTrunk": "already on another trunk of this region; remove it there first.",

  "trunks.remove.button": "Remove trunk",
  "trunks.remove.title": "Remove trunk {name}?",
  "trunks.remove.body":
    "Trunk {name} is removed from the configuration. Its change history stays recorded.",
  "trunks.remove.bodyDids": {
    one: "Trunk {name} is removed and its {count} DID is released for others to claim. Calls to that number will no longer reach this service.",
    other:
      "Trunk {name} is removed and its {count} DIDs are released for others to claim. Calls to those numbers will no longer reach this service.",
  },
  "trunks.remove.confirm": "Yes, remove",

  "trunks.history.passwordReplaced": "Password replaced",
  "trunks.action.create": "Trunk created",
  "trunks.action.update": "Settings changed",
  "trunks.action.setDids": "DIDs changed",
  "trunks.action.remove": "Trunk removed",
  "trunks.action.rotateEventSecret": "Telephony event secret created",
  "trunks.action.retirePreviousEventSecret": "Old telephony event secret retired",
  "trunks.history.previousStillValid": "Old secret still accepted",
  "trunks.eventSecret.title": "Telephony event secret",
  "trunks.eventSecret.intro":
    "This trunk's PBX or SBC reports every call to Sigap 112 (POST /v1/telephony/events) and signs it with this secret (HMAC-SHA256). How to sign is in the API documentation.",
  "trunks.eventSecret.docs": "API documentation",
  "trunks.eventSecret.none": "No secret yet: call reports from this trunk will be refused.",
  "trunks.eventSecret.configured": "A secret is stored.",
  "trunks.eventSecret.rotating":
    "The old secret is still accepted until you retire it. Retire it once the PBX/SBC uses the new one.",
  "trunks.eventSecret.create": "Create secret",
  "trunks.eventSecret.rotate": "Replace secret",
  "trunks.eventSecret.rotateTitle": "Replace the telephony event secret?",
  "trunks.eventSecret.rotateBody":
    "A new secret is created and shown once. The current secret stays accepted until you retire it; any older one stops working now.",
  "trunks.eventSecret.rotateConfirm": "Create new secret",
  "trunks.eventSecret.retire": "Retire old secret",
  "trunks.eventSecret.retireTitle": "Retire the old secret?",
  "trunks.eventSecret.retireBody":
    "Call reports signed with the old secret will be refused. Make sure the PBX/SBC uses the new secret.",
  "trunks.eventSecret.retireConfirm": "Retire",
  "trunks.eventSecret.retired": "The old secret is retired; only the newest is accepted.",
  "trunks.eventSecret.shownTitle": "New telephony event secret",
  "trunks.eventSecret.shownWarning":
    "Copy this secret now and install it in the PBX/SBC of trunk {name}. It is shown only once: after you close this box or reload the page it cannot be seen again, only replaced.",
  "trunks.eventSecret.label": "Telephony event secret",

  "trunks.destination.title": "Call destination",
  "trunks.destination.intro":
    "The platform's SBC forwards every 112 call to this region's DIDs to this SIP address: the region's PBX or the operator seats. Changes apply when the platform's operators generate the SBC configuration again.",
  "trunks.destination.label": "Destination SIP URI",
  "trunks.destination.hint":
    "For example sip:112@pbx.contoh.go.id or sip:operator@10.20.0.5:5060. Leave empty to remove; without a destination, calls are refused at the SBC.",
  "trunks.destination.invalid":
    "Not a valid SIP URI. Write it like sip:112@pbx.contoh.go.id, sip:operator@10.20.0.5:5060 or sip:[2001:db8::5];transport=tcp.",
  "trunks.destination.save": "Save destination",
  "trunks.destination.saved": "Call destination saved.",
  "trunks.destination.cleared": "Call destination removed.",
  "trunks.destination.none": "Not set: calls are refused at the SBC.",

  "trunks.export.title": "PBX configuration",
  "trunks.export.intro":
    "Files for the regional PBX/SBC operator: Asterisk PJSIP sections and dialplan, and the Kamailio dispatcher and address permissions lists.",
  "trunks.export.warning":
    "These files contain SIP passwords in plain text. Hand them only to the PBX operator and store them like the rest of the PBX configuration. Every download is recorded in the audit log.",
  "trunks.export.button": "Download PBX configuration",
  "trunks.export.working": "Preparing…",
  "trunks.export.kind.pjsip": "Asterisk pjsip.conf: endpoint, aor, auth, identify per trunk",
  "trunks.export.kind.extensions": "Asterisk extensions.conf: a dialplan context per trunk by DID",
  "trunks.export.kind.asterisk": "Asterisk: pjsip.conf and extensions.conf in one file",
  "trunks.export.kind.dispatcher": "Kamailio dispatcher.list",
  "trunks.export.kind.permissions": "Kamailio permissions (address file)",
} as const satisfies Pick<Translation, keyof typeof trunksPagesId>;
