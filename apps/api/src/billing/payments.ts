import type { TenantTx } from "@sigap/db/client";
import {
  allocateInvoiceNumber,
  findInvoice,
  insertInvoice,
  insertPayment,
  updateInvoice,
  type InvoiceRow,
  type PaymentRow,
} from "@sigap/db/queries";
import { fieldError } from "../trpc/field-error.ts";
import { invoiceNumber } from "./issue.ts";

/** Days past an invoice's due date before a platform admin may suspend the region's non-critical features. */
export const suspensionGraceDays = 30;

export interface RecordedPayment {
  invoice: InvoiceRow;
  payment: PaymentRow;
  /** What the region paid beyond the invoice's total, to refund or carry over. */
  overpaid: number;
}

/**
 * Records a bank transfer against an invoice, under the invoice's lock: a partial payment leaves it
 * open with what remains, a full (or larger) one marks it paid. The same bank reference twice is
 * refused, so a double click records one transfer.
 */
export async function recordPayment(
  tx: TenantTx,
  tenantId: string,
  input: {
    invoiceId: string;
    receivedOn: string;
    reference: string;
    amount: number;
    recordedBy: string | null;
  },
): Promise<RecordedPayment> {
  const invoice = await findInvoice(tx, input.invoiceId, { lock: true });
  if (!invoice) throw fieldError("invoiceId", "No such invoice in this region");
  if (invoice.kind !== "invoice") throw fieldError("invoiceId", "A credit note takes no payment");
  if (invoice.status === "void")
    throw fieldError("invoiceId", `Invoice ${invoice.number} is void and takes no payment`);
  if (input.receivedOn < invoice.issuedOn)
    throw fieldError(
      "receivedOn",
      `receivedOn must not be before the invoice was issued (${invoice.issuedOn})`,
    );
  const payment = await insertPayment(tx, tenantId, { ...input });
  if (!payment)
    throw fieldError(
      "reference",
      `A transfer with reference ${input.reference} is already recorded for this invoice`,
      "CONFLICT",
    );
  const paid = invoice.paid + input.amount;
  const updated = await updateInvoice(tx, invoice.id, {
    paid,
    status: paid >= invoice.total ? "paid" : invoice.status,
  });
  return { invoice: updated, payment, overpaid: Math.max(0, paid - invoice.total) };
}

/**
 * Voids an unpaid invoice: it keeps its number (the year's numbers stay gapless) and a credit note,
 * numbered in the same sequence, cancels its amounts. The period stays invoiced; a corrected charge
 * is a matter for the next invoice.
 */
export async function voidInvoice(
  tx: TenantTx,
  tenantId: string,
  input: { invoiceId: string; reason: string; today: string },
): Promise<{ invoice: InvoiceRow; creditNote: InvoiceRow }> {
  const invoice = await findInvoice(tx, input.invoiceId, { lock: true });
  if (!invoice) throw fieldError("invoiceId", "No such invoice in this region");
  if (invoice.kind !== "invoice") throw fieldError("invoiceId", "A credit note cannot be voided");
  if (invoice.status === "void")
    throw fieldError("invoiceId", `Invoice ${invoice.number} is already void`, "CONFLICT");
  if (invoice.paid > 0)
    throw fieldError(
      "invoiceId",
      `Invoice ${invoice.number} has payments recorded; it cannot be voided`,
      "CONFLICT",
    );
  const year = Number(input.today.slice(0, 4));
  const sequence = await allocateInvoiceNumber(tx, year);
  const creditNote = await insertInvoice(
    tx,
    tenantId,
    {
      kind: "credit_note",
      correctsId: invoice.id,
      year,
      sequence,
      number: invoiceNumber(year, sequence),
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      status: "issued",
      issuedOn: input.today,
      dueOn: input.today,
      subtotal: -invoice.subtotal,
      taxName: invoice.taxName,
      taxRateBasisPoints: invoice.taxRateBasisPoints,
      tax: -invoice.tax,
      total: -invoice.total,
      parties: invoice.parties,
    },
    invoice.lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      amount: -line.amount,
    })),
  );
  if (!creditNote)
    throw fieldError(
      "invoiceId",
      `Invoice ${invoice.number} already has a credit note`,
      "CONFLICT",
    );
  return {
    invoice: await updateInvoice(tx, invoice.id, { status: "void", voidReason: input.reason }),
    creditNote,
  };
}
