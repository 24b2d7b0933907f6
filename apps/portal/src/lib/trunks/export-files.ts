import type { RouterOutputs } from "#lib/api/client.ts";

export interface ConfigFile {
  name: string;
  /** What the PBX/SBC operator does with it. */
  kind: "pjsip" | "extensions" | "asterisk" | "dispatcher" | "permissions";
  content: string;
}

const pjsipMarker = "; ===== pjsip.conf =====";
const extensionsMarker = "; ===== extensions.conf =====";

/**
 * The export as separate files: Asterisk's text is one document with a section per file it
 * belongs in, so it is split at its markers (each part keeping the header, which says what
 * generated it and that it holds passwords); if the markers ever change, it stays whole.
 */
export function configFiles(
  slug: string,
  exported: RouterOutputs["telephony"]["export"],
): ConfigFile[] {
  const { asterisk } = exported;
  const pjsipAt = asterisk.indexOf(pjsipMarker);
  const extensionsAt = asterisk.indexOf(extensionsMarker);
  const asteriskFiles: ConfigFile[] =
    pjsipAt >= 0 && extensionsAt > pjsipAt
      ? [
          {
            name: `sigap-${slug}-pjsip.conf`,
            kind: "pjsip",
            content: asterisk.slice(0, extensionsAt).trimEnd() + "\n",
          },
          {
            name: `sigap-${slug}-extensions.conf`,
            kind: "extensions",
            content: asterisk.slice(0, pjsipAt) + asterisk.slice(extensionsAt),
          },
        ]
      : [{ name: `sigap-${slug}-asterisk.conf`, kind: "asterisk", content: asterisk }];
  return [
    ...asteriskFiles,
    {
      name: `sigap-${slug}-dispatcher.list`,
      kind: "dispatcher",
      content: exported.kamailio.dispatcher,
    },
    {
      name: `sigap-${slug}-address.list`,
      kind: "permissions",
      content: exported.kamailio.permissions,
    },
  ];
}
