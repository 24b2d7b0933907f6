import { describe, expect, it } from "vitest";
import { amountInWords, formatAmount, formatRupiah, terbilang } from "../../src/billing/rupiah.ts";

describe("terbilang", () => {
  it.each([
    [0, "nol"],
    [1, "satu"],
    [10, "sepuluh"],
    [11, "sebelas"],
    [12, "dua belas"],
    [19, "sembilan belas"],
    [20, "dua puluh"],
    [21, "dua puluh satu"],
    [100, "seratus"],
    [101, "seratus satu"],
    [110, "seratus sepuluh"],
    [111, "seratus sebelas"],
    [999, "sembilan ratus sembilan puluh sembilan"],
    [1000, "seribu"],
    [1001, "seribu satu"],
    [1100, "seribu seratus"],
    [2000, "dua ribu"],
    [11_000, "sebelas ribu"],
    [100_000, "seratus ribu"],
    [101_000, "seratus satu ribu"],
    [1_000_000, "satu juta"],
    [1_001_000, "satu juta seribu"],
    [1_234_567, "satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh"],
  ])("%i is %s", (amount, words) => {
    expect(terbilang(amount)).toBe(words);
  });

  it("names the large scales, skipping empty groups", () => {
    expect(terbilang(1_000_000_000)).toBe("satu miliar");
    expect(terbilang(2_000_000_005)).toBe("dua miliar lima");
    expect(terbilang(1_000_000_000_000)).toBe("satu triliun");
    // The range where terbilang-ts drops everything below the trillions.
    expect(terbilang(1_500_000_000_000)).toBe("satu triliun lima ratus miliar");
    expect(terbilang(Number.MAX_SAFE_INTEGER)).toBe(
      "sembilan kuadriliun tujuh triliun seratus sembilan puluh sembilan miliar dua ratus lima puluh empat juta " +
        "tujuh ratus empat puluh ribu sembilan ratus sembilan puluh satu",
    );
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    "refuses %s",
    (amount) => {
      expect(() => terbilang(amount)).toThrow(RangeError);
    },
  );
});

describe("amountInWords", () => {
  it("is a capitalised sentence in rupiah", () => {
    expect(amountInWords(1_234_567)).toBe(
      "Satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh rupiah",
    );
    expect(amountInWords(0)).toBe("Nol rupiah");
  });
});

describe("formatRupiah", () => {
  it.each([
    [1_234_567, "Rp 1.234.567"],
    [16_650_000, "Rp 16.650.000"],
    [999, "Rp 999"],
    [1000, "Rp 1.000"],
    [0, "Rp 0"],
    [-0, "Rp 0"],
    [-5000, "-Rp 5.000"],
  ])("%i is %s, with a plain space", (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });

  it("leaves the symbol off for columns headed (Rp)", () => {
    expect(formatAmount(1_234_567)).toBe("1.234.567");
    expect(formatAmount(-300_000)).toBe("-300.000");
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "refuses %s rather than round it",
    (amount) => {
      expect(() => formatRupiah(amount)).toThrow(RangeError);
      expect(() => formatAmount(amount)).toThrow(RangeError);
    },
  );
});
