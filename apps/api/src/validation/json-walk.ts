/** One place in a parsed JSON document: its value, the keys leading to it, and how deep it sits. */
export interface JsonNode {
  value: unknown;
  path: (string | number)[];
  /** 0 for the document itself, 1 for its members, and so on. */
  depth: number;
}

/**
 * Visits every value of a parsed JSON document (object keys are reported as their own string
 * nodes), until `visit` returns true. Iterative, not recursive: input is attacker-shaped, and a
 * document nested a million levels deep must not overflow the stack of the code meant to refuse it.
 * Returns the node that stopped the walk.
 */
export function findInJson(
  document: unknown,
  visit: (node: JsonNode) => boolean,
): JsonNode | undefined {
  const pending: JsonNode[] = [{ value: document, path: [], depth: 0 }];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (visit(node)) return node;
    const { value, path, depth } = node;
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) =>
        pending.push({ value: item, path: [...path, index], depth: depth + 1 }),
      );
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        pending.push({ value: key, path, depth: depth + 1 });
        pending.push({ value: item, path: [...path, key], depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * How deeply request input may nest. The deepest legitimate input, an SOP ruleset, nests about ten
 * levels (rules → rule → then → escalation → step → …); far deeper documents are abuse, and the
 * portal's page data serializer (devalue) is recursive: a draft nested 2,000 levels deep would
 * make every page that shows it fail.
 */
export const maxJsonDepth = 32;

/** The first place in `document` nested deeper than `maxDepth`, if any. */
export function tooDeep(document: unknown, maxDepth = maxJsonDepth): JsonNode | undefined {
  return findInJson(document, ({ depth }) => depth > maxDepth);
}
