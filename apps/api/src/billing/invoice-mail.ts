import type { TenantTx } from "@sigap/db/client";
import { findInvoice, type InvoiceRow } from "@sigap/db/queries";
import { sendMail } from "../mail/send.ts";
import { invoiceMail, type InvoiceMailReason } from "../mail/templates.ts";
import { invoiceDocument, invoicePdfFilename } from "./document.ts";
import { renderInvoicePdf } from "./invoice-pdf.ts";
import type { BillingDependencies } from "./issue.ts";
import { formatRupiah } from "./rupiah.ts";

const longDate = (day: string, locale: "id-ID" | "en-GB") =>
  new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T00:00:00Z`));

/**
 * Mails an invoice or a reminder of it to the region's billing contact, in the caller's transaction
 * (the outbox record commits with the invoice or reminder). No contact, no mail: the invoice is in
 * the portal either way.
 */
export async function mailInvoice(
  deps: Pick<BillingDependencies, "config" | "log">,
  tx: TenantTx,
  input: {
    tenant: { slug: string; displayName: string };
    invoice: InvoiceRow;
    reason: InvoiceMailReason;
  },
): Promise<boolean> {
  const { invoice, tenant } = input;
  const to = invoice.parties.buyer.email;
  if (!to) return false;
  const { bank } = invoice.parties.seller;
  const printed = await findInvoice(tx, invoice.id);
  if (!printed) throw new Error(`invoice ${invoice.id} is not visible to its own mail`);
  await sendMail(
    { db: tx, config: deps.config, log: deps.log },
    invoiceMail({
      to,
      reason: input.reason,
      regionName: invoice.parties.buyer.legalName,
      number: invoice.number,
      amountDue: formatRupiah(invoice.total - invoice.paid),
      dueOn: { id: longDate(invoice.dueOn, "id-ID"), en: longDate(invoice.dueOn, "en-GB") },
      payTo: `${bank.name} ${bank.accountNumber} a.n. ${bank.accountName}, virtual account ${invoice.parties.virtualAccount}`,
      link: `${deps.config.publicUrl}/t/${tenant.slug}/billing/${invoice.id}`,
      pdf: {
        filename: invoicePdfFilename(invoice.number),
        contentType: "application/pdf",
        content: await renderInvoicePdf(invoiceDocument(printed)),
      },
    }),
  );
  return true;
}
