export interface Edge<T> {
  readonly from: string;
  readonly to: string;
  readonly payload: T;
}

/** The payloads of every edge that lies on a cycle (an edge u→v is on one when v reaches u). */
export function edgesOnCycles<T>(edges: readonly Edge<T>[]): T[] {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const reachableFrom = new Map<string, Set<string>>();
  const reach = (start: string): Set<string> => {
    const known = reachableFrom.get(start);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop() ?? "";
      for (const target of next.get(node) ?? []) {
        if (!seen.has(target)) {
          seen.add(target);
          stack.push(target);
        }
      }
    }
    reachableFrom.set(start, seen);
    return seen;
  };
  return edges
    .filter((edge) => edge.from === edge.to || reach(edge.to).has(edge.from))
    .map((edge) => edge.payload);
}
