import type { MailAttachment, MailMessage } from "./send.ts";

// The recipient has no locale we know of yet (an invitee has no account; a reset may be asked for
// by anyone), so every message is Bahasa Indonesia first with the English text below it.

const roleNames = {
  tenant_admin: { id: "Admin", en: "Administrator" },
  supervisor: { id: "Supervisor", en: "Supervisor" },
  operator: { id: "Operator", en: "Operator" },
  agency_responder: { id: "Petugas instansi", en: "Agency responder" },
} as const;

export type InvitedRole = keyof typeof roleNames;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

function dateTime(value: Date, locale: "id-ID" | "en-GB", timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(value);
}

/**
 * How a tenant's mail looks: its name and logo above the message, its primary colour on the button
 * (the API only accepts primaries that carry white text legibly). Platform mail uses the default.
 */
export interface MailBrand {
  name: string;
  color: string;
  /** Public, because mail clients fetch images without credentials. */
  logoUrl: string | null;
}

const platformColor = "#b91c1c";

interface Paragraphs {
  brand?: MailBrand | undefined;
  to: string;
  subject: string;
  id: string[];
  en: string[];
  link: string;
  button: { id: string; en: string };
}

function render({ brand, to, subject, id, en, link, button }: Paragraphs): MailMessage {
  const text = `${id.join("\n\n")}\n\n${link}\n\n---\n\n${en.join("\n\n")}\n\n${link}\n`;
  const paragraphs = (lines: string[]) =>
    lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n");
  const anchor = (label: string) =>
    `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 16px;background:${brand?.color ?? platformColor};color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(label)}</a></p>`;
  const html = `<!doctype html>
<html lang="id">
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111;max-width:560px">
${brand ? header(brand) : ""}
${paragraphs(id)}
${anchor(button.id)}
<hr style="border:none;border-top:1px solid #ddd;margin:24px 0">
<div lang="en" style="color:#444">
${paragraphs(en)}
${anchor(button.en)}
</div>
<p style="color:#666;font-size:12px">${escapeHtml(link)}</p>
</body>
</html>`;
  return { to, subject, text, html };
}

function header(brand: MailBrand): string {
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" height="48" style="height:48px;vertical-align:middle;margin-right:12px">`
    : "";
  return `<div style="border-bottom:4px solid ${brand.color};padding-bottom:12px;margin-bottom:16px">${logo}<strong style="font-size:18px;vertical-align:middle">${escapeHtml(brand.name)}</strong></div>`;
}

/** `timeZone` is the tenant's, so the expiry reads in the invitee's local time; `brand` dresses it as the tenant. */
export function invitationMail(input: {
  brand?: MailBrand | undefined;
  to: string;
  tenantName: string;
  role: InvitedRole;
  link: string;
  expiresAt: Date;
  timeZone: string;
}): MailMessage {
  const role = roleNames[input.role];
  return render({
    brand: input.brand,
    to: input.to,
    subject: `Undangan Sigap 112: ${input.tenantName} / Invitation to Sigap 112`,
    id: [
      "Halo,",
      `Anda diundang bergabung dengan ${input.tenantName} di Sigap 112 sebagai ${role.id}.`,
      `Buka tautan berikut untuk menerima undangan dan mengatur kata sandi Anda. Tautan hanya dapat dipakai sekali dan berlaku sampai ${dateTime(input.expiresAt, "id-ID", input.timeZone)}.`,
      "Jika Anda tidak mengharapkan undangan ini, abaikan email ini.",
    ],
    en: [
      `You have been invited to join ${input.tenantName} on Sigap 112 as ${role.en}.`,
      `Open the link below to accept and set your password. It works once and until ${dateTime(input.expiresAt, "en-GB", input.timeZone)}.`,
      "If you did not expect this invitation, ignore this email.",
    ],
    link: input.link,
    button: { id: "Terima undangan", en: "Accept the invitation" },
  });
}

/** We do not know where the person is; the expiry is given in WIB, the zone most people use. */
export function passwordResetMail(input: {
  to: string;
  link: string;
  expiresAt: Date;
}): MailMessage {
  return render({
    to: input.to,
    subject: "Atur ulang kata sandi Sigap 112 / Reset your Sigap 112 password",
    id: [
      "Halo,",
      `Seseorang meminta pengaturan ulang kata sandi akun Sigap 112 Anda. Buka tautan berikut untuk memilih kata sandi baru. Tautan hanya dapat dipakai sekali dan berlaku sampai ${dateTime(input.expiresAt, "id-ID", "Asia/Jakarta")}.`,
      "Setelah kata sandi diganti, semua sesi Anda berakhir dan Anda perlu masuk kembali.",
      "Jika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.",
    ],
    en: [
      `Someone asked to reset the password of your Sigap 112 account. Open the link below to choose a new one. It works once and until ${dateTime(input.expiresAt, "en-GB", "Asia/Jakarta")}.`,
      "Once the password is changed, all your sessions end and you sign in again.",
      "If you did not ask for this, ignore this email; your password stays as it is.",
    ],
    link: input.link,
    button: { id: "Atur ulang kata sandi", en: "Reset the password" },
  });
}

/** An agency is sent to an incident: what, where, by when to acknowledge, and the link to do it. */
export function incidentAssignedMail(input: {
  to: string;
  agencyName: string;
  summary: string;
  place: string | null;
  link: string;
  ackDeadline: Date;
  timeZone: string;
}): MailMessage {
  const where = input.place ?? "lokasi belum diketahui";
  return render({
    to: input.to,
    subject: `[112] ${input.summary}: ${input.agencyName} diminta merespons / response requested`,
    id: [
      `${input.agencyName} diminta merespons insiden: ${input.summary}, ${where}.`,
      `Akui sebelum ${dateTime(input.ackDeadline, "id-ID", input.timeZone)} melalui tautan berikut, lalu laporkan perkembangan di sana. Tautan hanya untuk penugasan ini.`,
    ],
    en: [
      `${input.agencyName} is asked to respond to an incident: ${input.summary}, ${input.place ?? "location not known yet"}.`,
      `Acknowledge before ${dateTime(input.ackDeadline, "en-GB", input.timeZone)} through the link below and report progress there. The link is for this assignment only.`,
    ],
    link: input.link,
    button: { id: "Buka penugasan", en: "Open the assignment" },
  });
}

/** Why an invoice is mailed: its issue, or a reminder before or after its due date. */
export type InvoiceMailReason = "issued" | "before_due" | "due" | "overdue";

const invoiceSubjects: Record<InvoiceMailReason, { id: string; en: string }> = {
  issued: { id: "Tagihan baru", en: "New invoice" },
  before_due: { id: "Pengingat: tagihan segera jatuh tempo", en: "Reminder: invoice due soon" },
  due: { id: "Pengingat: tagihan jatuh tempo hari ini", en: "Reminder: invoice due today" },
  overdue: { id: "Tagihan telah lewat jatuh tempo", en: "Invoice overdue" },
};

/** An invoice or a reminder to the region's billing contact; amounts and dates as printed on the invoice. */
export function invoiceMail(input: {
  to: string;
  reason: InvoiceMailReason;
  regionName: string;
  number: string;
  amountDue: string;
  dueOn: { id: string; en: string };
  payTo: string;
  link: string;
  /** The invoice's PDF, attached: the region's finance officer may have no account on the portal. */
  pdf: MailAttachment;
}): MailMessage {
  const subject = invoiceSubjects[input.reason];
  const message = render({
    to: input.to,
    subject: `[Sigap 112] ${subject.id} ${input.number} / ${subject.en}`,
    id: [
      `${subject.id} untuk ${input.regionName}: ${input.number}, sisa tagihan ${input.amountDue}, jatuh tempo ${input.dueOn.id}.`,
      `Pembayaran melalui transfer bank: ${input.payTo}. Faktur PDF terlampir dan dapat diunduh di portal.`,
      "Layanan 112 tetap berjalan penuh apa pun status tagihan ini.",
    ],
    en: [
      `${subject.en} for ${input.regionName}: ${input.number}, ${input.amountDue} outstanding, due ${input.dueOn.en}.`,
      `Pay by bank transfer: ${input.payTo}. The PDF invoice is attached and can be downloaded in the portal.`,
      "The 112 service keeps running in full whatever the state of this invoice.",
    ],
    link: input.link,
    button: { id: "Lihat tagihan", en: "View the invoice" },
  });
  return { ...message, attachments: [input.pdf] };
}

/**
 * An escalation: agencies have not acknowledged in time. To the region's supervisors, or to its
 * admins for its officials (`officials`, by title), who are not on the platform themselves.
 */
export function escalationMail(input: {
  to: string;
  summary: string;
  waiting: string[];
  officials: string[];
  link: string;
}): MailMessage {
  const waiting = input.waiting.join(", ");
  const forOfficials = input.officials.length > 0;
  return render({
    to: input.to,
    subject: `[112] Eskalasi: ${input.summary} — ${waiting} belum mengakui / not acknowledged`,
    id: [
      `${waiting} belum mengakui penugasan insiden ${input.summary} dalam batas waktu SOP.`,
      forOfficials
        ? `SOP meminta pejabat berikut diberi tahu: ${input.officials.join(", ")}. Teruskan kabar ini kepada mereka dan pastikan instansi dihubungi.`
        : "Pastikan instansi dihubungi, misalnya lewat telepon, dan catat hasilnya pada insiden.",
    ],
    en: [
      `${waiting} did not acknowledge incident ${input.summary} within the SOP's deadline.`,
      forOfficials
        ? `The SOP asks for these officials to be told: ${input.officials.join(", ")}. Pass this on to them and make sure the agency is reached.`
        : "Make sure the agency is reached, by phone for instance, and record the outcome on the incident.",
    ],
    link: input.link,
    button: { id: "Buka insiden", en: "Open the incident" },
  });
}
