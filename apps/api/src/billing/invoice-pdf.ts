// The invoice a regional government receives, as an A4 PDF in Bahasa Indonesia. pdfkit's built-in Helvetica
// covers every character the invoice prints (WinAnsi), so there are no font files to ship.
import PDFDocument from "pdfkit";
import { amountInWords, formatAmount, formatRupiah } from "./rupiah.ts";

export interface InvoiceDocument {
  number: string;
  /** YYYY-MM-DD, in the tenant's time zone. */
  issuedOn: string;
  /** YYYY-MM-DD. */
  dueOn: string;
  /** YYYY-MM-DD, inclusive. */
  periodStart: string;
  periodEnd: string;
  status: "issued" | "paid" | "overdue" | "void";
  seller: {
    name: string;
    address: string;
    npwp: string | null;
    bank: { name: string; accountNumber: string; accountName: string };
  };
  buyer: { legalName: string; address: string | null; npwp: string | null };
  virtualAccount: string;
  lines: {
    description: string;
    quantity: number;
    unit: string;
    unitPrice: number;
    amount: number;
  }[];
  /** Whole rupiah, like every amount here. */
  subtotal: number;
  taxName: string;
  /** 1100 = 11%. */
  taxRateBasisPoints: number;
  tax: number;
  total: number;
}

type Doc = PDFKit.PDFDocument;

const MARGIN = 50;
const PAGE_WIDTH = 595.28; // A4, in points
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";
const ITALIC = "Helvetica-Oblique";
const INK = "#111827";
const MUTED = "#6b7280";
const RULE = "#d1d5db";
const CELL_PADDING = 4;

const STAMPS: Partial<Record<InvoiceDocument["status"], { label: string; color: string }>> = {
  void: { label: "DIBATALKAN", color: "#b91c1c" },
  paid: { label: "LUNAS", color: "#15803d" },
};

const dayFormat = new Intl.DateTimeFormat("id-ID", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const quantityFormat = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });

/**
 * `31 Desember 2026` for `2026-12-31`. The string is already a day on the tenant's calendar: reading it as UTC
 * midnight and formatting in UTC keeps the server's own zone from moving it.
 */
function formatDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`Not a YYYY-MM-DD date: ${day}`);
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** `11%` for 1100 basis points, `11,5%` for 1150. */
function formatRate(basisPoints: number): string {
  return `${quantityFormat.format(basisPoints / 100)}%`;
}

/** Starts a new page unless `height` more points fit above the bottom margin, so a block never splits. */
function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

function rule(doc: Doc, y: number): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + CONTENT_WIDTH, y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
}

/** Text lines stacked in a column starting at (x, y); returns the y below the last one. */
function column(
  doc: Doc,
  x: number,
  y: number,
  width: number,
  rows: { text: string; font?: string; size?: number; color?: string; align?: "left" | "right" }[],
): number {
  doc.y = y;
  for (const row of rows) {
    doc
      .font(row.font ?? REGULAR)
      .fontSize(row.size ?? 9)
      .fillColor(row.color ?? INK);
    doc.text(row.text, x, doc.y, { width, align: row.align ?? "left" });
  }
  return doc.y;
}

function header(doc: Doc, invoice: InvoiceDocument): void {
  const titleWidth = 200;
  const sellerWidth = CONTENT_WIDTH - titleWidth - 20;
  const sellerBottom = column(doc, MARGIN, MARGIN, sellerWidth, [
    { text: invoice.seller.name, font: BOLD, size: 13 },
    { text: invoice.seller.address, color: MUTED },
    ...(invoice.seller.npwp ? [{ text: `NPWP: ${invoice.seller.npwp}`, color: MUTED }] : []),
  ]);
  const titleBottom = column(doc, MARGIN + CONTENT_WIDTH - titleWidth, MARGIN, titleWidth, [
    { text: "FAKTUR TAGIHAN", font: BOLD, size: 18, align: "right" },
    { text: "INVOICE", size: 10, color: MUTED, align: "right" },
  ]);
  const bottom = Math.max(sellerBottom, titleBottom) + 10;
  rule(doc, bottom);
  doc.y = bottom + 12;
}

function parties(doc: Doc, invoice: InvoiceDocument): void {
  const top = doc.y;
  const metaWidth = 210;
  const buyerBottom = column(doc, MARGIN, top, CONTENT_WIDTH - metaWidth - 20, [
    { text: "Kepada:", color: MUTED },
    { text: invoice.buyer.legalName, font: BOLD, size: 11 },
    ...(invoice.buyer.address ? [{ text: invoice.buyer.address }] : []),
    ...(invoice.buyer.npwp ? [{ text: `NPWP: ${invoice.buyer.npwp}` }] : []),
  ]);
  const metaX = MARGIN + CONTENT_WIDTH - metaWidth;
  const labelWidth = 80;
  let metaBottom = top;
  for (const [label, value] of [
    ["Nomor", invoice.number],
    ["Tanggal terbit", formatDay(invoice.issuedOn)],
    ["Jatuh tempo", formatDay(invoice.dueOn)],
  ] as const) {
    const rowTop = metaBottom;
    const labelBottom = column(doc, metaX, rowTop, labelWidth, [
      { text: `${label}:`, color: MUTED },
    ]);
    const valueBottom = column(doc, metaX + labelWidth, rowTop, metaWidth - labelWidth, [
      { text: value, font: BOLD },
    ]);
    metaBottom = Math.max(labelBottom, valueBottom);
  }
  doc.y = Math.max(buyerBottom, metaBottom) + 10;
  column(doc, MARGIN, doc.y, CONTENT_WIDTH, [
    { text: `Periode: ${formatDay(invoice.periodStart)} – ${formatDay(invoice.periodEnd)}` },
  ]);
  doc.y += 10;
}

const COLUMNS = [
  { heading: "Uraian", width: CONTENT_WIDTH - 290, align: "left" },
  { heading: "Jumlah", width: 50, align: "right" },
  { heading: "Satuan", width: 60, align: "left" },
  { heading: "Harga satuan", width: 90, align: "right" },
  { heading: "Jumlah (Rp)", width: 90, align: "right" },
] as const;

function rowHeight(doc: Doc, cells: readonly string[]): number {
  const heights = COLUMNS.map((col, i) =>
    doc.heightOfString(cells[i] ?? "", { width: col.width - 2 * CELL_PADDING }),
  );
  return Math.max(...heights) + 2 * CELL_PADDING;
}

function row(doc: Doc, cells: readonly string[], height: number): void {
  const top = doc.y;
  let x = MARGIN;
  for (const [i, col] of COLUMNS.entries()) {
    doc.text(cells[i] ?? "", x + CELL_PADDING, top + CELL_PADDING, {
      width: col.width - 2 * CELL_PADDING,
      align: col.align,
    });
    x += col.width;
  }
  rule(doc, top + height);
  doc.y = top + height;
}

function tableHeading(doc: Doc): void {
  doc.font(BOLD).fontSize(9);
  const cells = COLUMNS.map((col) => col.heading);
  const height = rowHeight(doc, cells);
  doc.rect(MARGIN, doc.y, CONTENT_WIDTH, height).fill("#f3f4f6");
  doc.fillColor(INK);
  row(doc, cells, height);
}

/** The lines, flowing onto further pages with the heading repeated so every page reads on its own. */
function lineTable(doc: Doc, lines: InvoiceDocument["lines"]): void {
  tableHeading(doc);
  for (const line of lines) {
    const cells = [
      line.description,
      quantityFormat.format(line.quantity),
      line.unit,
      formatAmount(line.unitPrice),
      formatAmount(line.amount),
    ];
    doc.font(REGULAR).fontSize(9).fillColor(INK);
    const height = rowHeight(doc, cells);
    if (doc.y + height > doc.page.maxY()) {
      doc.addPage();
      tableHeading(doc);
      doc.font(REGULAR).fontSize(9).fillColor(INK);
    }
    row(doc, cells, height);
  }
}

function totals(doc: Doc, invoice: InvoiceDocument): void {
  const width = 240;
  const labelWidth = 110;
  const x = MARGIN + CONTENT_WIDTH - width;
  const rows = [
    { label: "Subtotal", value: formatRupiah(invoice.subtotal), font: REGULAR },
    {
      label: `${invoice.taxName} ${formatRate(invoice.taxRateBasisPoints)}`,
      value: formatRupiah(invoice.tax),
      font: REGULAR,
    },
    { label: "Total", value: formatRupiah(invoice.total), font: BOLD },
  ];
  doc.y += 8;
  keepTogether(doc, rows.length * 16);
  for (const { label, value, font } of rows) {
    const top = doc.y;
    doc.font(font).fontSize(10).fillColor(INK);
    doc.text(label, x, top, { width: labelWidth });
    doc.text(value, x + labelWidth, top, { width: width - labelWidth, align: "right" });
    doc.y = Math.max(doc.y, top + 16);
  }
}

function inWords(doc: Doc, invoice: InvoiceDocument): void {
  const text = `Terbilang: ${amountInWords(invoice.total)}`;
  doc.font(ITALIC).fontSize(10);
  doc.y += 8;
  keepTogether(doc, doc.heightOfString(text, { width: CONTENT_WIDTH }));
  column(doc, MARGIN, doc.y, CONTENT_WIDTH, [{ text, font: ITALIC, size: 10 }]);
}

function payment(doc: Doc, invoice: InvoiceDocument): void {
  const { bank } = invoice.seller;
  const rows = [
    { text: "Cara pembayaran", font: BOLD, size: 10 },
    {
      text: `Pembayaran melalui transfer bank ke ${bank.name} a.n. ${bank.accountName} no. rekening ${bank.accountNumber}`,
    },
    { text: `Nomor virtual account: ${invoice.virtualAccount}` },
    { text: `Jatuh tempo: ${formatDay(invoice.dueOn)}` },
  ];
  doc.y += 16;
  const height = rows.reduce(
    (sum, r) =>
      sum +
      doc
        .font(r.font ?? REGULAR)
        .fontSize(r.size ?? 9)
        .heightOfString(r.text, { width: CONTENT_WIDTH }),
    0,
  );
  keepTogether(doc, height);
  column(doc, MARGIN, doc.y, CONTENT_WIDTH, rows);
}

/** Page numbers and, for a paid or cancelled invoice, a stamp across every page so no page passes alone as due. */
function decoratePages(doc: Doc, invoice: InvoiceDocument): void {
  const stamp = STAMPS[invoice.status];
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit open a page for the footer.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(8).fillColor(MUTED);
    const footer = `${invoice.number} · Halaman ${i - start + 1} dari ${count}`;
    doc.text(footer, MARGIN, doc.page.height - 35, { width: CONTENT_WIDTH, align: "center" });
    doc.page.margins.bottom = bottomMargin;
    if (stamp) {
      const centerX = doc.page.width / 2;
      const centerY = doc.page.height / 2;
      doc.save().rotate(-30, { origin: [centerX, centerY] });
      doc.font(BOLD).fontSize(60);
      const width = doc.widthOfString(stamp.label) + 40;
      doc
        .roundedRect(centerX - width / 2, centerY - 40, width, 80, 8)
        .lineWidth(4)
        .strokeOpacity(0.35)
        .strokeColor(stamp.color)
        .stroke();
      doc.fillColor(stamp.color, 0.35).text(stamp.label, centerX - width / 2, centerY - 22, {
        width,
        align: "center",
        lineBreak: false,
      });
      doc.restore();
    }
  }
}

function toBytes(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    doc.on("error", reject);
    doc.on("end", () => {
      // A plain Uint8Array, not a Buffer: PDF.js, which readers and tests hand this to, refuses Buffers.
      const bytes = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(bytes);
    });
  });
}

/** The invoice as PDF bytes. The same invoice always gives the same bytes: the creation date is the issue day. */
export async function renderInvoicePdf(invoice: InvoiceDocument): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: "id-ID",
    info: {
      Title: invoice.number,
      Author: invoice.seller.name,
      CreationDate: new Date(`${invoice.issuedOn}T00:00:00Z`),
    },
  });
  const bytes = toBytes(doc);
  header(doc, invoice);
  parties(doc, invoice);
  lineTable(doc, invoice.lines);
  totals(doc, invoice);
  inWords(doc, invoice);
  payment(doc, invoice);
  decoratePages(doc, invoice);
  doc.end();
  return await bytes;
}
