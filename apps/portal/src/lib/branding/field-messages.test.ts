import { describe, expect, it } from "vitest";
import type { ApiFailure } from "#lib/api/error.ts";
import { refusal } from "#lib/api/refusal.testing.ts";
import { translator } from "#lib/i18n/index.ts";
import { brandingFieldMessages } from "./field-messages.ts";

const logoRefused = (reason: ApiFailure["reasons"][string], params: ApiFailure["params"][string]) =>
  refusal("BAD_REQUEST", { logoBase64: reason }, { logoBase64: params });

describe("brandingFieldMessages", () => {
  const id = translator("id");

  it("words a refused logo from its reason and figures, never from the API's English", () => {
    const cases: [ApiFailure, string][] = [
      [
        logoRefused("file_too_large", { kib: 513, maximumKib: 512 }),
        "Berkas ini 513 KiB; maksimal 512 KiB.",
      ],
      [
        logoRefused("image_too_large", { width: 4096, height: 10, maximum: 2048 }),
        "Gambar ini 4.096×10 piksel; maksimal 2.048×2.048 piksel.",
      ],
      [
        logoRefused("unsupported_file", { problem: "not_an_image" }),
        "Isi berkas ini bukan gambar PNG, JPEG, atau SVG. Pilih berkas lain.",
      ],
      [
        logoRefused("unsupported_file", { problem: "svg_dtd" }),
        "SVG ini memuat deklarasi DTD (entity), yang tidak diterima. Simpan ulang tanpa DOCTYPE.",
      ],
      [
        logoRefused("invalid", {}),
        "Logo ditolak. Gunakan PNG, JPEG, atau SVG sesuai batas ukuran.",
      ],
    ];
    for (const [failure, expected] of cases)
      expect(brandingFieldMessages(id, failure)).toEqual({ logoBase64: expected });
  });

  it("says a refused colour is too light for white text, with the rule it breaks", () => {
    const failure = refusal(
      "BAD_REQUEST",
      { primaryColor: "low_contrast" },
      { primaryColor: { ratio: 1.51, minimum: 4.5 } },
    );
    expect(brandingFieldMessages(id, failure).primaryColor).toContain("4,5:1");
    expect(brandingFieldMessages(translator("en"), failure).primaryColor).toContain("4.5:1");
  });
});
