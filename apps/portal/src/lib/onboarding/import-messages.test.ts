import { describe, expect, it } from "vitest";
import { refusal } from "#lib/api/refusal.testing.ts";
import { translator } from "#lib/i18n/index.ts";
import type { RowProblem } from "./csv-import.ts";
import { csvFileMessage, rowProblemMessage } from "./import-messages.ts";

const id = translator("id");

const problem = (kind: RowProblem["problem"], params: RowProblem["params"]): RowProblem => ({
  row: 5,
  column: "kontak",
  problem: kind,
  message: "(English, unread)",
  params,
});

describe("rowProblemMessage", () => {
  it("names the cell's value, the row it repeats, and what the column accepts", () => {
    expect(
      rowProblemMessage(id, problem("duplicate", { value: "+6281234567890", otherRow: 2 })),
    ).toBe("“+6281234567890” sudah ada di baris 2.");
    expect(rowProblemMessage(id, problem("duplicate", { value: "a@contoh.go.id" }))).toBe(
      "“a@contoh.go.id” sudah tersimpan di daerah ini.",
    );
    expect(
      rowProblemMessage(
        id,
        problem("unknown", { value: "fax", accepted: "telepon, whatsapp, email" }),
      ),
    ).toBe("“fax” tidak dikenal. Pilihan: telepon, whatsapp, email.");
    expect(rowProblemMessage(id, problem("conflict", { value: "bpbd", otherRow: 2 }))).toBe(
      "Berbeda dengan baris 2 untuk instansi yang sama.",
    );
  });

  it("words an invalid cell from the API's reason, and a cell the role does not take", () => {
    expect(
      rowProblemMessage(
        id,
        problem("invalid", { value: "x", reason: "invalid_format", limits: { format: "email" } }),
      ),
    ).toBe("Masukkan alamat email yang benar, misalnya nama@contoh.go.id.");
    expect(rowProblemMessage(id, problem("invalid", { value: "Damkar", role: "operator" }))).toBe(
      "Diisi hanya untuk petugas instansi, bukan untuk Operator.",
    );
  });
});

describe("csvFileMessage", () => {
  it("says which columns a header lacks and which it should not have", () => {
    const failure = refusal(
      "BAD_REQUEST",
      { csv: "unsupported_file" },
      {
        csv: {
          problem: "csv_header",
          expected: "email, peran, instansi",
          missing: "instansi",
          unknown: "nama",
        },
      },
    );
    expect(csvFileMessage(id, failure)).toBe(
      "Baris pertama harus berisi kolom email, peran, instansi. Kolom yang kurang: instansi. Kolom yang tidak dikenal: nama.",
    );
  });

  it("says nothing for a failure that is not about the file", () => {
    expect(csvFileMessage(id, refusal("FORBIDDEN", {}))).toBeUndefined();
  });
});
