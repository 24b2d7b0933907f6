import type { Translation } from "../../types.ts";
import type { nationalPagesId } from "../id/national.ts";

export const nationalPagesEn = {
  "national.nav": "National",
  "national.pageTitle": "National adoption",
  "national.intro":
    "How many regencies and cities run the 112 service on Sigap 112, read live from the tenants' status.",
  "national.headline": "{live} of {total} regencies and cities",
  "national.headlineLive": "are live",
  "national.onboarding": "{count} onboarding",
  "national.none": "{count} others not yet joined or suspended",

  "national.filters.title": "Filter",
  "national.filters.province": "Province",
  "national.filters.allProvinces": "All provinces",
  "national.filters.status": "Tenant status",
  "national.filters.allStatuses": "All statuses",
  "national.filters.apply": "Apply",
  "national.filters.reset": "Clear filters",
  "national.filters.invalid":
    "The filter in the page address is not recognised; check the province and status.",

  "national.status.prospect": "Prospect",
  "national.status.onboarding": "Onboarding",
  "national.status.live": "Live",
  "national.status.suspended": "Suspended",

  "national.provinces.caption": "Adoption by province",
  "national.provinces.province": "Province",
  "national.provinces.regions": "Regencies/cities",
  "national.provinces.live": "Live",
  "national.provinces.onboarding": "Onboarding",
  "national.provinces.none": "Other",
  "national.provinces.percentLive": "% live",
  "national.provinces.empty": "No provinces match this filter.",
  "national.provinces.sortHint": "Sort by {column}",

  "national.map.title": "Adoption by province",
  "national.map.province": "{province}: {live} of {regions} regencies and cities live ({percent})",
  "national.map.legend": "Colour key: share of regencies and cities live",
  "national.map.bandNone": "None live yet",
  "national.map.bandRange": "{from}–{to}",
  "national.map.bandFrom": "{from} or more",
  "national.map.source":
    "Boundaries of the 38 provinces (Kepmendagri 2025) from cahyadsn/wilayah_boundaries, MIT licence, simplified; very small islands are not drawn.",

  "national.province.summary": "{live} of {total} regencies and cities live",
  "national.province.caption": "Regencies and cities of {province}",
  "national.province.noTenant": "Not joined",

  "national.tenants.caption": "Tenants",
  "national.tenants.region": "Regency/city",
  "national.tenants.code": "Code",
  "national.tenants.province": "Province",
  "national.tenants.status": "Status",
  "national.tenants.launchedAt": "Live since",
  "national.tenants.notLaunched": "Not live yet",
  "national.tenants.empty": "No tenants match this filter yet.",

  "national.chart.title": "Cumulative adoption over time",
  "national.chart.desc":
    "Regencies and cities live now, added up by the month each went live, from {first} to {last}; {count} now.",
  "national.chart.empty": "No regency or city is live yet, so there is no adoption curve.",
  "national.chart.axisMonth": "Month (WIB)",
  "national.chart.axisCount": "Regencies/cities live",
  "national.chart.tableCaption": "Cumulative adoption chart data",
  "national.chart.month": "Month",
  "national.chart.launched": "Went live that month",
  "national.chart.cumulative": "Total live",
  "national.chart.range": "Trend range",
  "national.chart.rangeAll": "Since the first launch",
  "national.chart.rangeMonths": "Last {count} months",
  "national.chart.rangeApply": "Show",
  "national.chart.definition":
    "Live means live now: a regency or city that went live and was suspended since is not counted, in the headline, the table, the map or this chart.",

  "national.csv.download": "Download CSV",
  "national.csv.downloadOf": "Download {table} as CSV",
  "national.csv.downloading": "Preparing…",
  "national.csv.failed": "The CSV could not be produced. Please try again.",
} as const satisfies Pick<Translation, keyof typeof nationalPagesId>;
