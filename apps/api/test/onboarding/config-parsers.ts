/**
 * Readers for the generated PBX configuration, written from the formats' documentation rather
 * than from the generators, so the tests prove the text means what was exported.
 */

/** One `[name]` block of an Asterisk file: options (pjsip.conf) and dialplan steps (extensions.conf). */
export interface AsteriskBlock {
  name: string;
  /** In file order; a key may repeat (`match=`). */
  options: [string, string][];
  /** `exten => <extension>,<priority>,<application>` and `same => …` lines. */
  steps: { extension: string; priority: string; application: string }[];
}

/** An Asterisk .conf line without its comment: `;` starts one unless escaped as `\;`. */
function stripComment(line: string): string {
  const match = /(?<!\\);/.exec(line);
  return (match ? line.slice(0, match.index) : line).trim();
}

const unescape = (value: string) => value.replaceAll("\\;", ";");

/** Reads Asterisk configuration: `[name]` blocks with `key=value` options and `exten`/`same` lines. */
export function parseAsterisk(text: string): AsteriskBlock[] {
  const blocks: AsteriskBlock[] = [];
  let block: AsteriskBlock | undefined;
  let extension = "";
  for (const raw of text.split("\n")) {
    const line = stripComment(raw);
    if (line === "") continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header?.[1]) {
      block = { name: header[1], options: [], steps: [] };
      blocks.push(block);
      continue;
    }
    if (!block) throw new Error(`a line before any [section]: ${raw}`);
    const dialplan = /^(exten|same)\s*=>\s*(.*)$/.exec(line);
    if (dialplan) {
      const parts = (dialplan[2] ?? "").split(",");
      if (dialplan[1] === "exten") extension = parts.shift() ?? "";
      const priority = parts.shift() ?? "";
      block.steps.push({ extension, priority, application: parts.join(",") });
      continue;
    }
    const option = /^([^=]+)=(.*)$/.exec(line);
    if (!option?.[1] || option[2] === undefined)
      throw new Error(`not an Asterisk configuration line: ${raw}`);
    block.options.push([option[1].trim(), unescape(option[2].trim())]);
  }
  return blocks;
}

/** The block named `name` whose `type=` is `type` (pjsip.conf lets an endpoint and its aor share a name). */
export function pjsipSection(
  blocks: AsteriskBlock[],
  name: string,
  type: string,
): AsteriskBlock | undefined {
  return blocks.find((block) => block.name === name && optionValues(block, "type")[0] === type);
}

/** The values of `key` in a section, in order. */
export function optionValues(block: AsteriskBlock | undefined, key: string): string[] {
  return (block?.options ?? []).filter(([name]) => name === key).map(([, value]) => value);
}

/** Data lines of a `#`-commented, whitespace-separated Kamailio list file, split into fields. */
function records(text: string): string[][] {
  return text
    .split("\n")
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line !== "")
    .map((line) => line.split(/\s+/));
}

export interface DispatcherEntry {
  setId: number;
  destination: string;
  flags: number;
  priority: number;
  attributes: Record<string, string>;
}

/** dispatcher.list: `setid destination [flags [priority [attributes]]]`, attributes `k=v;k=v`. */
export function parseDispatcher(text: string): DispatcherEntry[] {
  return records(text).map(
    ([setId = "", destination = "", flags = "0", priority = "0", attributes = ""]) => ({
      setId: Number(setId),
      destination,
      flags: Number(flags),
      priority: Number(priority),
      attributes: Object.fromEntries(
        attributes
          .split(";")
          .filter(Boolean)
          .map((pair) => pair.split("=", 2) as [string, string]),
      ),
    }),
  );
}

export interface AddressEntry {
  group: number;
  address: string;
  netmask: number;
  port: number;
  tag: string | undefined;
}

/** The permissions module's address file: `groupid address [netmask [port [tag]]]`. */
export function parseAddresses(text: string): AddressEntry[] {
  return records(text).map(([group = "", address = "", netmask = "32", port = "0", tag]) => ({
    group: Number(group),
    address,
    netmask: Number(netmask),
    port: Number(port),
    tag,
  }));
}
