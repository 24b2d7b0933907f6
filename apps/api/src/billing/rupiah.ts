// Rupiah amounts as an Indonesian invoice prints them: `Rp 1.234.567` and, for the "terbilang" line that
// regional finance offices require, the amount in words.
//
// The words are our own small module rather than a package. `@develoka/angka-terbilang-js` (MIT) ships no
// types, spells the 10^9 scale "milyar" where KBBI and government documents use "miliar", and turns -5 into
// " puluh lima"; `terbilang-ts` (MIT) returns "" for 0, title-cases every word and drops everything below the
// trillions for amounts from 10^12 to 10^13 (1.500.000.000.000 becomes "Satu Triliun"). Their code was last
// changed in 2020 and 2018. The rules fit in a page and are pinned by test/billing/rupiah.test.ts.

// Both formats use `signDisplay: "negative"` so -0 (what `-1 * 0` gives for an empty credit) prints as zero,
// not `-Rp 0`.
const currency = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
  signDisplay: "negative",
});

const grouping = new Intl.NumberFormat("id-ID", {
  maximumFractionDigits: 0,
  signDisplay: "negative",
});

// Amounts are whole rupiah: a fraction here means a calculation upstream went wrong, and rounding it away
// would print an invoice whose lines do not add up.
function wholeRupiah(amount: number): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not a whole rupiah amount: ${amount}`);
  return amount;
}

/**
 * `Rp 1.234.567`, or `-Rp 5.000` for a credit. Intl separates the symbol with a no-break space (some ICU
 * versions a narrow one); a plain space keeps extracted PDF text and comparisons stable.
 */
export function formatRupiah(amount: number): string {
  return currency.format(wholeRupiah(amount)).replace(/[\u00a0\u202f]/g, " ");
}

/** `1.234.567` without the symbol, for table columns whose heading already says `(Rp)`. */
export function formatAmount(amount: number): string {
  return grouping.format(wholeRupiah(amount));
}

const DIGITS = [
  "nol",
  "satu",
  "dua",
  "tiga",
  "empat",
  "lima",
  "enam",
  "tujuh",
  "delapan",
  "sembilan",
] as const;
// Kuadriliun is needed: the largest safe integer is about nine of them.
const SCALES = ["", "ribu", "juta", "miliar", "triliun", "kuadriliun"] as const;

function digit(n: number): string {
  return DIGITS[n] ?? "";
}

/** 1–999 in words; Indonesian fuses "one" into the word for 10, 11, 100 (se-puluh, se-belas, se-ratus). */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push("seratus");
  else if (hundreds > 1) words.push(digit(hundreds), "ratus");
  if (rest === 10) words.push("sepuluh");
  else if (rest === 11) words.push("sebelas");
  else if (rest > 11 && rest < 20) words.push(digit(rest - 10), "belas");
  else if (rest >= 20) words.push(digit(Math.floor(rest / 10)), "puluh");
  if (rest % 10 !== 0 && (rest < 10 || rest >= 20)) words.push(digit(rest % 10));
  return words;
}

/** `satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh` for 1.234.567. */
export function terbilang(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`terbilang takes a whole non-negative safe integer, got ${amount}`);
  }
  if (amount === 0) return "nol";
  const words: string[] = [];
  let rest = amount;
  for (const scale of SCALES) {
    const group = rest % 1000;
    rest = Math.floor(rest / 1000);
    // Only a thousand takes the fused form: 1.000 is "seribu" but 1.000.000 is "satu juta".
    if (group === 1 && scale === "ribu") words.unshift("seribu");
    else if (group !== 0) words.unshift(...belowThousand(group), ...(scale ? [scale] : []));
  }
  return words.join(" ");
}

/** The sentence an invoice prints after "Terbilang:": `Satu juta … enam puluh tujuh rupiah`. */
export function amountInWords(amount: number): string {
  const words = terbilang(amount);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} rupiah`;
}
