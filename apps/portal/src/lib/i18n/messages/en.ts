import type { Translation } from "../types.ts";
import { authEn } from "./en/auth.ts";
import { accountPagesEn } from "./en/account.ts";
import { tenantPagesEn } from "./en/tenant.ts";
import { auditActionsEn } from "./en/audit.ts";
import { nationalPagesEn } from "./en/national.ts";
import { platformPagesEn } from "./en/platform.ts";
import { agenciesPagesEn } from "./en/agencies.ts";
import { trunksPagesEn } from "./en/trunks.ts";
import { callsPagesEn } from "./en/calls.ts";
import { callDeskEn } from "./en/call-desk.ts";
import { callSettingsEn, wallboardEn } from "./en/wallboard.ts";
import { onboardingEn } from "./en/onboarding.ts";
import { sopPagesEn } from "./en/sop.ts";
import { sopLabEn } from "./en/sop-lab.ts";
import { sopFindingsEn } from "./en/sop-findings.ts";
import { sopTraceEn } from "./en/sop-trace.ts";
import { incidentsEn } from "./en/incidents.ts";
import { billingEn } from "./en/billing.ts";

/** English. Must carry exactly the keys of id.ts, with the same `{placeholders}`. */
export const en = {
  "app.name": "Sigap 112",
  "app.tagline":
    "One platform for the 112 emergency service in every regency and city of Indonesia.",
  "app.metaDescription":
    "Sigap 112: the shared Call Center 112 platform for Indonesia's regencies and cities, with live national adoption figures.",
  "nav.skipToContent": "Skip to main content",
  "nav.home": "Sigap 112 home",

  "locale.switchLabel": "Bahasa Indonesia",
  "locale.switchHint": "Show this page in Bahasa Indonesia",

  "adoption.pageTitle": "National 112 adoption",
  "adoption.eyebrow": "National adoption",
  "adoption.headline": "{live} of {total} regencies and cities run the 112 service",
  "adoption.onboarding": {
    one: "{count} more regency or city is onboarding.",
    other: "{count} more regencies and cities are onboarding.",
  },
  "adoption.progressLabel": "Regencies and cities live",
  "adoption.legendLive": "Live",
  "adoption.legendOnboarding": "Onboarding",
  "adoption.legendNotStarted": "Not yet joined",

  "adoption.table.caption": "Adoption by province",
  "adoption.table.province": "Province",
  "adoption.table.timeZone": "Time zone",
  "adoption.table.regions": "Regencies/cities",
  "adoption.table.live": "Live",
  "adoption.table.onboarding": "Onboarding",
  "adoption.table.percentLive": "% live",
  "adoption.table.sortHint": "Sort by {column}",
  "adoption.table.total": "Indonesia",
  "adoption.table.empty": "No province data yet.",

  "adoption.error.title": "Adoption figures could not be loaded",
  "adoption.error.body":
    "The Sigap 112 data service cannot be reached right now. Regional 112 services are not affected. Please reload this page in a moment.",
  "adoption.error.retry": "Reload",

  "error.title": "Something went wrong",
  "error.notFound": "Page not found.",
  "error.generic": "This page cannot be shown right now.",
  "error.backHome": "Back to the home page",

  ...authEn,
  ...accountPagesEn,
  ...tenantPagesEn,
  ...auditActionsEn,
  ...agenciesPagesEn,
  ...trunksPagesEn,
  ...callsPagesEn,
  ...callDeskEn,
  ...wallboardEn,
  ...callSettingsEn,
  ...nationalPagesEn,
  ...platformPagesEn,
  ...onboardingEn,
  ...sopPagesEn,
  ...sopLabEn,
  ...sopFindingsEn,
  ...sopTraceEn,
  ...incidentsEn,
  ...billingEn,

  "footer.note": "Adoption figures are read live from the platform's data when the page loads.",
} as const satisfies Translation;
