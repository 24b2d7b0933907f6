/** A JSON object (not null, not an array): what SOP documents are read as before their schema holds. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
