import { extractText, extractTextItems, getDocumentProxy, getMeta } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderInvoicePdf, type InvoiceDocument } from "../../src/billing/invoice-pdf.ts";

const A4_WIDTH = 595.28;
const MARGIN = 50;

const invoice: InvoiceDocument = {
  number: "INV/2026/000123",
  issuedOn: "2027-01-01",
  dueOn: "2027-01-15",
  periodStart: "2026-12-01",
  periodEnd: "2026-12-31",
  status: "issued",
  seller: {
    name: "PT Sigap Teknologi Nusantara",
    address: "Jl. Medan Merdeka Barat No. 9, Gambir, Jakarta Pusat 10110",
    npwp: "01.234.567.8-901.000",
    bank: {
      name: "Bank Rakyat Indonesia",
      accountNumber: "0123-01-000456-30-7",
      accountName: "PT Sigap Teknologi Nusantara",
    },
  },
  buyer: {
    legalName:
      "Badan Penanggulangan Bencana Daerah Kabupaten Kepulauan Seribu Provinsi Daerah Khusus Ibukota Jakarta " +
      "Bidang Kedaruratan dan Logistik",
    address: "Jl. Raya Pulau Pramuka No. 1, Kepulauan Seribu Utara",
    npwp: "00.111.222.3-444.000",
  },
  virtualAccount: "8808001234567890",
  lines: [
    {
      description:
        "Biaya dasar langganan platform SIGAP untuk Desember 2026, termasuk pusat panggilan darurat 112, " +
        "dasbor wilayah dan dukungan teknis 24 jam",
      quantity: 1,
      unit: "bulan",
      unitPrice: 15_000_000,
      amount: 15_000_000,
    },
    {
      description: "Kursi operator",
      quantity: 12,
      unit: "kursi",
      unitPrice: 250_000,
      amount: 3_000_000,
    },
    {
      description: "Notifikasi SMS dan WhatsApp",
      quantity: 5000,
      unit: "pesan",
      unitPrice: 150,
      amount: 750_000,
    },
  ],
  subtotal: 18_750_000,
  taxName: "PPN",
  taxRateBasisPoints: 1100,
  tax: 2_062_500,
  total: 20_812_500,
};

// Extraction breaks lines where the PDF wraps them; the assertions are about words, not layout. PDF.js takes
// ownership of the bytes it reads, so each read gets a copy.
async function textOf(pdf: Uint8Array): Promise<{ text: string; totalPages: number }> {
  const { text, totalPages } = await extractText(await getDocumentProxy(pdf.slice()), {
    mergePages: true,
  });
  return { text: text.replace(/\s+/g, " "), totalPages };
}

describe("invoice PDF", () => {
  it("carries what a finance office checks before paying", async () => {
    const { text, totalPages } = await textOf(await renderInvoicePdf(invoice));
    expect(totalPages).toBe(1);
    for (const expected of [
      "FAKTUR TAGIHAN",
      "INV/2026/000123",
      "Tanggal terbit: 1 Januari 2027",
      "Periode: 1 Desember 2026 – 31 Desember 2026",
      "Kepada:",
      invoice.buyer.legalName,
      "NPWP: 00.111.222.3-444.000",
      "NPWP: 01.234.567.8-901.000",
      "Uraian Jumlah Satuan Harga satuan Jumlah (Rp)",
      "Kursi operator 12 kursi 250.000 3.000.000",
      "Subtotal Rp 18.750.000",
      "PPN 11% Rp 2.062.500",
      "Total Rp 20.812.500",
      "Terbilang: Dua puluh juta delapan ratus dua belas ribu lima ratus rupiah",
      "Pembayaran melalui transfer bank ke Bank Rakyat Indonesia a.n. PT Sigap Teknologi Nusantara no. rekening 0123-01-000456-30-7",
      "Nomor virtual account: 8808001234567890",
      "Jatuh tempo: 15 Januari 2027",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/DIBATALKAN|LUNAS/);
  });

  it("wraps long descriptions and buyer names inside the margins", async () => {
    const { items } = await extractTextItems(
      await getDocumentProxy((await renderInvoicePdf(invoice)).slice()),
    );
    const rightEdges = (items[0] ?? [])
      .filter((item) => item.str.trim())
      .map((item) => item.x + item.width);
    expect(rightEdges.length).toBeGreaterThan(0);
    expect(Math.max(...rightEdges)).toBeLessThanOrEqual(A4_WIDTH - MARGIN + 0.5);
  });

  it("names the invoice and its issuer in the metadata, and renders the same bytes twice", async () => {
    const pdf = await renderInvoicePdf(invoice);
    const { info } = await getMeta(pdf.slice());
    expect(info).toMatchObject({
      Title: "INV/2026/000123",
      Author: "PT Sigap Teknologi Nusantara",
      CreationDate: "D:20270101000000Z",
    });
    expect(await renderInvoicePdf(invoice)).toEqual(pdf);
  });

  it("prints a fractional tax rate the Indonesian way", async () => {
    const { text } = await textOf(
      await renderInvoicePdf({
        ...invoice,
        taxRateBasisPoints: 1150,
        tax: 2_156_250,
        total: 20_906_250,
      }),
    );
    expect(text).toContain("PPN 11,5% Rp 2.156.250");
  });

  it("flows sixty lines onto further pages", async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({
      description: `Notifikasi wilayah ${i + 1}`,
      quantity: 100,
      unit: "pesan",
      unitPrice: 150,
      amount: 15_000,
    }));
    const { text, totalPages } = await textOf(
      await renderInvoicePdf({ ...invoice, lines, subtotal: 900_000, tax: 99_000, total: 999_000 }),
    );
    expect(totalPages).toBeGreaterThan(1);
    expect(text).toContain("Notifikasi wilayah 1 ");
    expect(text).toContain("Notifikasi wilayah 60 ");
    expect(text).toContain(`Halaman ${totalPages} dari ${totalPages}`);
    expect(text).toContain("Terbilang: Sembilan ratus sembilan puluh sembilan ribu rupiah");
  });

  it("refuses a date or an amount it would otherwise misprint", async () => {
    await expect(renderInvoicePdf({ ...invoice, dueOn: "15/01/2027" })).rejects.toThrow(RangeError);
    await expect(renderInvoicePdf({ ...invoice, tax: 2_062_500.5 })).rejects.toThrow(RangeError);
  });

  it.each([
    ["void", "DIBATALKAN"],
    ["paid", "LUNAS"],
  ] as const)("stamps a %s invoice %s", async (status, stamp) => {
    const { text } = await textOf(await renderInvoicePdf({ ...invoice, status }));
    expect(text).toContain(stamp);
  });
});
