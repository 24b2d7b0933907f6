/**
 * The ruleset schema refuses empty lists and empty condition objects (a condition on nothing is
 * a mistake), so the form removes a key instead of leaving it empty.
 */
export function setOrRemove<T extends object, K extends keyof T>(
  record: T,
  key: K,
  value: T[K] | undefined,
): void {
  const empty =
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    isEmptyObject(value);
  if (empty) Reflect.deleteProperty(record, key);
  else record[key] = value;
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  );
}

/** "fire.*, flood.*" → ["fire.*", "flood.*"]: codes and keywords are typed as comma-separated text. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export function joinList(values: readonly string[] | undefined): string {
  return (values ?? []).join(", ");
}

/** Adds or removes `value` in a list of codes, keeping catalogue order out of it: insertion order. */
export function toggled(
  values: readonly string[] | undefined,
  value: string,
  on: boolean,
): string[] {
  const without = (values ?? []).filter((existing) => existing !== value);
  return on ? [...without, value] : without;
}

/** Moves the item at `from` one place up (-1) or down (+1). */
export function moved<T>(items: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}
