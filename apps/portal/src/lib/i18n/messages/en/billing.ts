import type { Translation } from "../../types.ts";
import type { billingId } from "../id/billing.ts";

export const billingEn = {
  "billing.nav": "Billing",
  "billing.navDescription": "Plan, usage this month, invoices and their payments, with their PDFs.",
  "billing.pageTitle": "Billing",
  "billing.intro":
    "{tenant}'s plan, its usage this month, and the invoices it pays by bank transfer.",

  "billing.period.monthly": "Monthly",
  "billing.period.annual": "Annual",
  "billing.price.monthly": "{amount} a month",
  "billing.price.annual": "{amount} a year",
  "billing.price.notification": "{amount} per notification",
  "billing.price.calls": "{allowance} calls included, then {fee} per call",

  "billing.status.draft": "Draft",
  "billing.status.issued": "Issued",
  "billing.status.paid": "Paid",
  "billing.status.overdue": "Overdue",
  "billing.status.void": "Void",
  "billing.kind.credit_note": "Credit note",

  "billing.suspension.title": "Exports and configuration changes suspended since {since}",
  "billing.suspension.reason": "Reason: {reason}",
  "billing.suspension.scope":
    "Until the overdue invoices are settled, this region cannot download exports, change its branding, choose or edit its SOP, or change its call settings.",
  "billing.suspension.neverAffected":
    "112 calls, dispatch and signing in to Sigap 112 are never affected.",

  "billing.plan.current": "Current plan",
  "billing.plan.none": "This region has no plan yet.",
  "billing.plan.baseFee": "Base fee",
  "billing.plan.seatFee": "Per operator seat",
  "billing.plan.channelFee": "Per active trunk channel",
  "billing.plan.notificationFee": "Per agency notification",
  "billing.plan.calls": "Calls",

  "billing.outstanding.title": "Outstanding",
  "billing.outstanding.payTo": "Pay by bank transfer to virtual account",
  "billing.outstanding.addressedTo": "Invoices are addressed to {name}.",
  "billing.outstanding.noProfile":
    "This region's billing profile is not filled in yet; invoices are issued once a platform admin has done so.",

  "billing.usage.title": "Usage this month",
  "billing.usage.span": "Counted for {days}; today counts once it has ended.",
  "billing.usage.none":
    "No day of this month has ended yet; usage is counted once a day has ended.",
  "billing.usage.calls": "Calls",
  "billing.usage.notifications": "Agency notifications",
  "billing.usage.seats": "Operator seats",
  "billing.usage.channels": "Trunk channels",
  "billing.usage.peak": "highest on one day",

  "billing.invoices.caption": "Invoices and credit notes",
  "billing.invoices.number": "Number",
  "billing.invoices.period": "Period",
  "billing.invoices.status": "Status",
  "billing.invoices.total": "Total",
  "billing.invoices.paid": "Paid",
  "billing.invoices.dueOn": "Due",
  "billing.invoices.empty":
    "No invoices yet. The first one is issued once the plan's first period has ended.",

  "billing.manage.title": "Billing administration (platform admins)",
  "billing.manage.intro":
    "Only platform admins see this part; every change is recorded in the audit log.",

  "billing.issueDue.action": "Issue due invoices",
  "billing.issueDue.busy": "Issuing…",
  "billing.issueDue.done": {
    one: "{count} invoice issued: {numbers}.",
    other: "{count} invoices issued: {numbers}.",
  },
  "billing.issueDue.none": "No period needs invoicing right now.",

  "billing.profile.title": "Billing profile",
  "billing.profile.intro":
    "Who invoices are addressed to and where the region pays. Invoices already issued do not change.",
  "billing.profile.legalName": "Legal name",
  "billing.profile.legalNameHint":
    "As printed on invoices, e.g. Pemerintah Kabupaten Sidoarjo c.q. Dinas Kominfo.",
  "billing.profile.address": "Address (optional)",
  "billing.profile.npwp": "NPWP tax number (optional)",
  "billing.profile.npwpHint": "15 or 16 digits; dots and dashes allowed.",
  "billing.profile.email": "Billing email (optional)",
  "billing.profile.emailHint": "Invoices and reminders are mailed to this address.",
  "billing.profile.virtualAccount": "Virtual account number",
  "billing.profile.virtualAccountHint": "The bank's number this region pays to; 7 to 40 digits.",
  "billing.profile.save": "Save profile",
  "billing.profile.saved": "Billing profile saved.",
  "billing.profile.error.legalName": "Enter the legal name on one line (at most 200 characters).",
  "billing.profile.error.address": "The address is too long (at most 500 characters).",
  "billing.profile.error.npwp": "Enter an NPWP of 15 or 16 digits; dots and dashes allowed.",
  "billing.profile.error.virtualAccount":
    "Enter the virtual account number: 7 to 40 digits; spaces and dashes allowed.",

  "billing.assign.title": "Region's plan",
  "billing.assign.intro":
    "A plan applies from its date. A change within a period is prorated by day on the next invoice.",
  "billing.assign.history": "Plan history",
  "billing.assign.since": "{plan} since {date}",
  "billing.assign.plan": "Plan",
  "billing.assign.choose": "Choose a plan",
  "billing.assign.startsOn": "Starts on",
  "billing.assign.startsOnHint":
    "Days up to {date} are invoiced already; a new plan starts after that.",
  "billing.assign.submit": "Assign plan",
  "billing.assign.done": "{plan} applies from {date}.",
  "billing.assign.noPlans":
    "There are no active plans yet. Create one on the platform's plans page.",
  "billing.assign.error.plan": "Choose a plan that is still active.",
  "billing.assign.error.startsOn": "Enter a valid date after the last invoiced day.",

  "billing.suspend.title": "Suspension",
  "billing.suspend.intro":
    "A region with an invoice more than 30 days overdue can be suspended: exports and configuration changes stop, the emergency service keeps running.",
  "billing.suspend.action": "Suspend…",
  "billing.suspend.dialogTitle": "Suspend non-emergency features?",
  "billing.suspend.dialogBody":
    "This region cannot download exports or change its configuration until the suspension is lifted. 112 calls, dispatch and signing in are not affected. The region sees your reason.",
  "billing.suspend.reason": "Reason",
  "billing.suspend.confirm": "Yes, suspend",
  "billing.suspend.done": "This region is suspended.",
  "billing.suspend.error.notOverdue":
    "Only a region with an invoice more than 30 days overdue can be suspended.",
  "billing.resume.intro":
    "This region is suspended. Lift the suspension once its invoices are settled.",
  "billing.resume.action": "Lift suspension…",
  "billing.resume.dialogTitle": "Lift the suspension?",
  "billing.resume.dialogBody":
    "Exports and configuration changes work again for this region at once.",
  "billing.resume.confirm": "Yes, lift it",
  "billing.resume.done": "Suspension lifted.",
  "billing.reason.error": "Write the reason on one line (at most 500 characters).",

  "billing.invoice.pageTitle": "Invoice",
  "billing.invoice.back": "Back to billing",
  "billing.invoice.period": "Period",
  "billing.invoice.issuedOn": "Issued",
  "billing.invoice.dueOn": "Due",
  "billing.invoice.voidReason": "Reason for voiding",
  "billing.invoice.corrects": "See the invoice this credit note corrects",

  "billing.parties.seller": "From",
  "billing.parties.buyer": "To",
  "billing.parties.npwp": "NPWP {npwp}",
  "billing.parties.bank": "{bank} {account} in the name of {holder}",
  "billing.parties.virtualAccount": "Virtual account for payment:",

  "billing.lines.caption": "Details",
  "billing.lines.description": "Description",
  "billing.lines.quantity": "Quantity",
  "billing.lines.unitPrice": "Unit price",
  "billing.lines.amount": "Amount",
  "billing.lines.empty": "This invoice has no lines.",
  "billing.lines.subtotal": "Subtotal",
  "billing.lines.tax": "{tax} {rate}",
  "billing.lines.total": "Total",
  "billing.lines.paid": "Paid",
  "billing.lines.remaining": "Remaining",
  "billing.lines.overpaid": "Overpaid",

  "billing.payments.caption": "Payments",
  "billing.payments.receivedOn": "Received",
  "billing.payments.reference": "Bank reference",
  "billing.payments.amount": "Amount",
  "billing.payments.empty": "No payments recorded yet.",

  "billing.reminders.title": "Reminders sent",
  "billing.reminders.empty": "No reminders sent yet.",
  "billing.reminders.before_due": "7 days before the due date",
  "billing.reminders.due": "On the due date",
  "billing.reminders.overdue_7": "7 days overdue",
  "billing.reminders.overdue_30": "30 days overdue",

  "billing.pdf.download": "Download PDF",
  "billing.pdf.preparing": "Preparing PDF…",
  "billing.pdf.failed": "The PDF could not be made. Please try again.",

  "billing.pay.title": "Record payment",
  "billing.pay.intro":
    "Record every transfer that arrives. A partial payment leaves the invoice open with what remains.",
  "billing.pay.receivedOn": "Date received",
  "billing.pay.reference": "Bank reference",
  "billing.pay.amount": "Amount (Rp)",
  "billing.pay.amountHint": "Whole rupiah, e.g. 1.500.000.",
  "billing.pay.submit": "Record payment",
  "billing.pay.partial": "Payment recorded. {remaining} remains to be paid.",
  "billing.pay.settled": "Payment recorded. The invoice is paid.",
  "billing.pay.overpaid": "Payment recorded. The invoice is paid, overpaid by {amount}.",
  "billing.pay.error.receivedOn": "Enter a valid date, not before the invoice was issued.",
  "billing.pay.error.reference": "Enter the bank's transfer reference on one line.",
  "billing.pay.error.referenceRecorded":
    "A transfer with this reference is already recorded for this invoice.",
  "billing.pay.error.amount": "Enter the amount in whole rupiah, e.g. 1.500.000.",
  "billing.pay.error.closed":
    "This invoice no longer takes payments. Reload the page to see its status.",

  "billing.void.action": "Void invoice",
  "billing.void.dialogTitle": "Void invoice {number}?",
  "billing.void.dialogBody":
    "The invoice keeps its number and a credit note cancels its amounts. Its period stays invoiced; a correction goes on the next invoice.",
  "billing.void.reason": "Reason for voiding",
  "billing.void.confirm": "Yes, void it",
  "billing.void.done": "Invoice voided; credit note {number} issued.",
  "billing.void.openCreditNote": "Open credit note {number}",
  "billing.void.error.notVoidable":
    "This invoice can no longer be voided (it has payments, or is void already).",

  "billing.platform.pageTitle": "Billing across regions",
  "billing.platform.intro": "Recurring revenue, unpaid invoices, and what is overdue by age.",
  "billing.platform.monthlyRecurring": "Monthly recurring revenue",
  "billing.platform.outstanding": "Outstanding",
  "billing.platform.overdue": "Overdue",
  "billing.platform.overdue1to30": "1–30 days overdue",
  "billing.platform.overdue31to60": "31–60 days overdue",
  "billing.platform.overdue61to90": "61–90 days overdue",
  "billing.platform.overdueOver90": ">90 days overdue",
  "billing.platform.regionsCaption": "By region",
  "billing.platform.region": "Region",
  "billing.platform.plan": "Plan",
  "billing.platform.noPlan": "No plan",
  "billing.platform.suspended": "Suspended",
  "billing.platform.empty": "No region has a billing profile yet.",

  "billing.plans.pageTitle": "Plans and tax",
  "billing.plans.intro":
    "The price lists invoices use. A change applies from the next invoice; issued invoices keep their prices.",
  "billing.plans.back": "Back to billing across regions",
  "billing.plans.caption": "Plans",
  "billing.plans.empty": "No plans yet. Create the first one below.",
  "billing.plans.code": "Code",
  "billing.plans.codeHint":
    "Lowercase letters, digits and hyphens, e.g. standar-bulanan. Cannot be changed.",
  "billing.plans.name": "Name",
  "billing.plans.period": "Period",
  "billing.plans.status": "Status",
  "billing.plans.actions": "Actions",
  "billing.plans.active": "Active",
  "billing.plans.retired": "Retired",
  "billing.plans.activeLabel": "Active: can be assigned to regions",
  "billing.plans.edit": "Edit",
  "billing.plans.editOf": "Edit plan {name}",
  "billing.plans.newTitle": "New plan",
  "billing.plans.editTitle": "Edit plan {name}",
  "billing.plans.prices": "Prices (Rp)",
  "billing.plans.baseFeeHint": "Per period, before usage and tax.",
  "billing.plans.seatFeeHint": "Per seat (tenant admins, supervisors, operators) per period.",
  "billing.plans.channelFeeHint": "Per active trunk channel per period.",
  "billing.plans.notificationFeeHint": "Per notification delivered to an agency.",
  "billing.plans.callAllowance": "Calls included",
  "billing.plans.callAllowanceHint": "Calls per period at no extra charge.",
  "billing.plans.callFee": "Per extra call",
  "billing.plans.callFeeHint": "For each call above the allowance.",
  "billing.plans.create": "Create plan",
  "billing.plans.saveChanges": "Save changes",
  "billing.plans.created": "Plan {name} created.",
  "billing.plans.updated": "Plan {name} saved; it applies from the next invoice.",
  "billing.plans.error.code":
    "The code may hold lowercase letters, digits and single hyphens between them (at most 60 characters).",
  "billing.plans.error.codeTaken": "Another plan already uses this code.",
  "billing.plans.error.name": "Enter the plan's name on one line (at most 120 characters).",
  "billing.plans.error.period": "Choose monthly or annual.",
  "billing.plans.error.amount": "Enter whole rupiah, 0 or more, e.g. 1.500.000.",
  "billing.plans.error.count": "Enter a whole number, 0 or more.",

  "billing.tax.caption": "Tax rates",
  "billing.tax.name": "Tax",
  "billing.tax.effectiveFrom": "Effective from",
  "billing.tax.rate": "Effective rate",
  "billing.tax.note": "Note",
  "billing.tax.empty": "No tax rates yet.",
  "billing.tax.addTitle": "Add a dated rate",
  "billing.tax.addIntro":
    "Invoices issued from that date on use the new rate. Past rates are never changed.",
  "billing.tax.ratePercent": "Effective rate (%)",
  "billing.tax.rateHint": "In percent, e.g. 11 or 11,5.",
  "billing.tax.noteLabel": "Note (optional)",
  "billing.tax.add": "Add rate",
  "billing.tax.added": "Rate {name} {rate} added.",
  "billing.tax.error.name": "Enter the tax's name on one line, e.g. PPN.",
  "billing.tax.error.effectiveFrom": "Enter a valid date.",
  "billing.tax.error.rate":
    "Enter the rate in percent between 0 and 100, with at most two decimals, e.g. 11 or 11,5.",
  "billing.tax.error.note": "The note is too long (at most 300 characters).",
  "billing.tax.error.taken": "This tax already has a rate from that date.",
} as const satisfies Pick<Translation, keyof typeof billingId>;
