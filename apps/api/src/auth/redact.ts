/** Keys whose values never enter the audit log (or any log): credentials and their hashes. */
const secretKey = /password|secret|token|totp|hash|recovery|credential|signing/i;

/** A copy of `value` with every secret-looking field replaced by "[redacted]", at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        secretKey.test(key) ? "[redacted]" : redactSecrets(inner),
      ]),
    );
  }
  return value;
}
