/** The constraint a unique violation (23505) names, looking through Drizzle's wrapping error. */
export function uniqueViolation(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const fields = cause as Error & { code?: unknown; constraint_name?: unknown };
    if (fields.code === "23505" && typeof fields.constraint_name === "string")
      return fields.constraint_name;
  }
  return undefined;
}
