import { describe, expect, it } from "vitest";
import { ownReasons, schemaReasons } from "@sigap/api/errors";
import { translator } from "#lib/i18n/index.ts";
import { reasonMessage, reasonMessages } from "./reason-message.ts";
import { refusal } from "./refusal.testing.ts";

describe("reasonMessage", () => {
  const id = translator("id");
  const en = translator("en");

  it("words every reason the API gives, in both languages, with no placeholder left", () => {
    for (const i18n of [id, en])
      for (const reason of [...schemaReasons, ...ownReasons]) {
        const message = reasonMessage(i18n, reason, { minimum: 3, maximum: 9, origin: "string" });
        expect(message).not.toMatch(/[{}]/);
        expect(message.length).toBeGreaterThan(3);
      }
  });

  it("says what a limit limits, with the number in the reader's convention", () => {
    expect(reasonMessage(id, "too_big", { maximum: 1000, origin: "string" })).toBe(
      "Paling banyak 1.000 karakter.",
    );
    expect(reasonMessage(en, "too_small", { minimum: 2, origin: "array" })).toBe(
      "At least 2 items.",
    );
    expect(reasonMessage(id, "too_big", { maximum: 60, origin: "number" })).toBe(
      "Paling besar 60.",
    );
  });

  it("names the expected form of an email address or a choice", () => {
    expect(
      reasonMessages(
        id,
        refusal(
          "BAD_REQUEST",
          { email: "invalid_format", agencyId: "invalid_format" },
          { email: { format: "email" }, agencyId: { format: "uuid" } },
        ),
      ),
    ).toEqual({
      email: "Masukkan alamat email yang benar, misalnya nama@contoh.go.id.",
      agencyId: "Pilihan ini tidak tersedia. Pilih dari daftar.",
    });
  });
});
