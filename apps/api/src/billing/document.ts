import type { InvoiceWithDetails } from "@sigap/db/queries";
import type { InvoiceDocument } from "./invoice-pdf.ts";

/** An invoice as its PDF prints it: everything from what was copied in at issue, nothing from today's plan. */
export function invoiceDocument(invoice: InvoiceWithDetails): InvoiceDocument {
  return {
    number: invoice.number,
    issuedOn: invoice.issuedOn,
    dueOn: invoice.dueOn,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    status: invoice.status === "draft" ? "issued" : invoice.status,
    seller: invoice.parties.seller,
    buyer: {
      legalName: invoice.parties.buyer.legalName,
      address: invoice.parties.buyer.address,
      npwp: invoice.parties.buyer.npwp,
    },
    virtualAccount: invoice.parties.virtualAccount,
    lines: invoice.lines.map((line) => ({
      description: line.description,
      quantity: Number(line.quantity),
      unit: line.unit,
      unitPrice: line.unitPrice,
      amount: line.amount,
    })),
    subtotal: invoice.subtotal,
    taxName: invoice.taxName,
    taxRateBasisPoints: invoice.taxRateBasisPoints,
    tax: invoice.tax,
    total: invoice.total,
  };
}

/** `SIGAP-2026-000123.pdf`: the number, with what a file name cannot hold replaced. */
export function invoicePdfFilename(number: string): string {
  return `${number.replaceAll("/", "-")}.pdf`;
}
