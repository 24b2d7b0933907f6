import type { InvoiceKind, InvoiceStatus, InvoiceSummary, OverdueByAge } from "./types.ts";

/** Whether an invoice still waits for money: issued, or past its due date. Credit notes take none. */
export function awaitsPayment(invoice: { kind: InvoiceKind; status: InvoiceStatus }): boolean {
  return (
    invoice.kind === "invoice" && (invoice.status === "issued" || invoice.status === "overdue")
  );
}

/**
 * The last day an invoice covers, or null before the first one: a plan can only change after it,
 * since invoiced days keep their plan (the API refuses an earlier start).
 */
export function billedThrough(invoices: readonly InvoiceSummary[]): string | null {
  const ends = invoices
    .filter((invoice) => invoice.kind === "invoice")
    .map((invoice) => invoice.periodEnd);
  // ISO dates sort as text.
  return ends.length === 0 ? null : ends.reduce((last, end) => (end > last ? end : last));
}

/** Everything past its due date, whatever its age. */
export function overdueTotal(overdue: OverdueByAge): number {
  return overdue.days1to30 + overdue.days31to60 + overdue.days61to90 + overdue.over90;
}
