// Exact rationals over BigInt for proration: a prorated amount is summed exactly over its days and
// rounded once, so the invoice never carries floating-point drift.

export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function fraction(numerator: number | bigint, denominator: number | bigint): Fraction {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d <= 0n) throw new RangeError("a fraction needs a positive denominator");
  const divisor = gcd(n, d) || 1n;
  return { numerator: n / divisor, denominator: d / divisor };
}

export function sum(parts: readonly Fraction[]): Fraction {
  return parts.reduce(
    (total, part) =>
      fraction(
        total.numerator * part.denominator + part.numerator * total.denominator,
        total.denominator * part.denominator,
      ),
    fraction(0, 1),
  );
}

/** The nearest whole number, halves away from zero (the usual rule for rupiah amounts). */
export function roundHalfUp(value: Fraction): number {
  const { numerator: n, denominator: d } = value;
  const magnitude = ((n < 0n ? -n : n) * 2n + d) / (2n * d);
  const rounded = n < 0n ? -magnitude : magnitude;
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER) || rounded < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError("amount out of range");
  return Number(rounded);
}

/** Decimal text with at most two places (`6.45`, `1`), rounded half up. */
export function toDecimal(value: Fraction): string {
  const hundredths = roundHalfUp(fraction(value.numerator * 100n, value.denominator));
  const whole = Math.trunc(hundredths / 100);
  const rest = Math.abs(hundredths % 100);
  const sign = hundredths < 0 && whole === 0 ? "-" : "";
  return rest === 0
    ? `${sign}${String(whole)}`
    : `${sign}${String(whole)}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}
