import type { TrunkRow } from "@sigap/db/queries";
import type { SecretBox } from "../security/secret-box.ts";
import { openDigestPassword } from "./digest-password.ts";
import type { TelephonyTrunk } from "./trunk-plan.ts";

function authView(row: TrunkRow) {
  return row.auth === "digest"
    ? {
        kind: "digest" as const,
        username: row.digestUsername ?? "",
        hasPassword: row.digestPasswordEncrypted !== null,
      }
    : { kind: "ip_allow_list" as const, addresses: row.allowedAddresses ?? [] };
}

/** How a trunk reaches the carrier, as the portal and the audit log both show it. */
function signalling(row: TrunkRow) {
  const { name, carrier, sipHost, sipPort, transport, maxChannels, codecs } = row;
  return { name, carrier, sipHost, sipPort, transport, maxChannels, codecs };
}

/** A trunk as the portal sees it: the digest password never leaves, only whether one is stored. */
export function trunkView(row: TrunkRow, dids: string[]) {
  return {
    id: row.id,
    ...signalling(row),
    auth: authView(row),
    status: row.status,
    /** Whether the PBX/SBC can sign telephony events, and whether a rotation still accepts the old secret. */
    eventSecret: {
      configured: row.eventSecretEncrypted !== null,
      previousStillValid: row.previousEventSecretEncrypted !== null,
    },
    dids,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What the audit log keeps of a trunk (no timestamps, no sealed password). */
export function trunkSnapshot(row: TrunkRow) {
  const { auth } = row;
  return {
    ...signalling(row),
    auth:
      auth === "digest"
        ? { kind: auth, username: row.digestUsername }
        : { kind: auth, addresses: row.allowedAddresses },
    status: row.status,
  };
}

/** A trunk as the region's exported PBX configuration needs it: with its digest password opened. */
export function exportedTrunk(box: SecretBox, row: TrunkRow, dids: string[]): TelephonyTrunk {
  const auth: TelephonyTrunk["auth"] =
    row.auth === "digest"
      ? {
          kind: "digest",
          username: row.digestUsername ?? "",
          password: row.digestPasswordEncrypted
            ? openDigestPassword(box, row.id, row.digestPasswordEncrypted)
            : "",
        }
      : { kind: "ip_allow_list", addresses: row.allowedAddresses ?? [] };
  return { ...trunkView(row, dids), auth };
}
