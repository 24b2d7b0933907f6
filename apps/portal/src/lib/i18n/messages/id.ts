import { authId } from "./id/auth.ts";
import { accountPagesId } from "./id/account.ts";
import { tenantPagesId } from "./id/tenant.ts";
import { auditActionsId } from "./id/audit.ts";
import { nationalPagesId } from "./id/national.ts";
import { platformPagesId } from "./id/platform.ts";
import { agenciesPagesId } from "./id/agencies.ts";
import { trunksPagesId } from "./id/trunks.ts";
import { callsPagesId } from "./id/calls.ts";
import { callDeskId } from "./id/call-desk.ts";
import { callSettingsId, wallboardId } from "./id/wallboard.ts";
import { onboardingId } from "./id/onboarding.ts";
import { sopPagesId } from "./id/sop.ts";
import { sopLabId } from "./id/sop-lab.ts";
import { sopFindingsId } from "./id/sop-findings.ts";
import { sopTraceId } from "./id/sop-trace.ts";
import { incidentsId } from "./id/incidents.ts";
import { billingId } from "./id/billing.ts";

/**
 * Bahasa Indonesia: the source of truth for every UI string. Other locales are typed against this
 * object, so adding a key here without translating it is a compile error.
 * Placeholders are written `{name}` and filled by `t()`. A number the wording depends on is passed as
 * `{count}`, so that a translation into a language that inflects for it can give plural forms.
 */
export const id = {
  "app.name": "Sigap 112",
  "app.tagline": "Satu platform untuk layanan darurat 112 di setiap kabupaten/kota di Indonesia.",
  "app.metaDescription":
    "Sigap 112: platform bersama Call Center 112 untuk kabupaten/kota di Indonesia, dengan angka adopsi nasional terkini.",
  "nav.skipToContent": "Langsung ke konten utama",
  "nav.home": "Beranda Sigap 112",

  "locale.switchLabel": "English",
  "locale.switchHint": "Tampilkan halaman dalam bahasa Inggris",

  "adoption.pageTitle": "Adopsi layanan 112 nasional",
  "adoption.eyebrow": "Adopsi nasional",
  "adoption.headline": "{live} dari {total} kabupaten/kota telah menjalankan layanan 112",
  "adoption.onboarding": "{count} kabupaten/kota lainnya sedang dalam proses onboarding.",
  "adoption.progressLabel": "Kabupaten/kota yang sudah live",
  "adoption.legendLive": "Live",
  "adoption.legendOnboarding": "Onboarding",
  "adoption.legendNotStarted": "Belum bergabung",

  "adoption.table.caption": "Adopsi per provinsi",
  "adoption.table.province": "Provinsi",
  "adoption.table.timeZone": "Zona waktu",
  "adoption.table.regions": "Kab/Kota",
  "adoption.table.live": "Live",
  "adoption.table.onboarding": "Onboarding",
  "adoption.table.percentLive": "% live",
  "adoption.table.sortHint": "Urutkan menurut {column}",
  "adoption.table.total": "Indonesia",
  "adoption.table.empty": "Belum ada data provinsi.",

  "adoption.error.title": "Angka adopsi tidak dapat dimuat",
  "adoption.error.body":
    "Layanan data Sigap 112 sedang tidak dapat dihubungi. Layanan 112 di daerah tidak terpengaruh. Silakan muat ulang halaman ini beberapa saat lagi.",
  "adoption.error.retry": "Muat ulang",

  "error.title": "Terjadi kesalahan",
  "error.notFound": "Halaman tidak ditemukan.",
  "error.generic": "Halaman ini tidak dapat ditampilkan saat ini.",
  "error.backHome": "Kembali ke beranda",

  ...authId,
  ...accountPagesId,
  ...tenantPagesId,
  ...auditActionsId,
  ...agenciesPagesId,
  ...trunksPagesId,
  ...callsPagesId,
  ...callDeskId,
  ...wallboardId,
  ...callSettingsId,
  ...nationalPagesId,
  ...platformPagesId,
  ...onboardingId,
  ...sopPagesId,
  ...sopLabId,
  ...sopFindingsId,
  ...sopTraceId,
  ...incidentsId,
  ...billingId,

  "footer.note": "Angka adopsi diambil langsung dari data platform saat halaman dimuat.",
} as const;
