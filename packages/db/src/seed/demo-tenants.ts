/**
 * Demo tenants for `npm start`: regions in all three time zones and every status, so the
 * national page shows real numbers. Launch dates are spread out for the adoption-over-time chart.
 */
export const demoTenants = [
  {
    regionCode: "35.15",
    slug: "sidoarjo",
    displayName: "Call Center 112 Kabupaten Sidoarjo",
    status: "live",
    launchedAt: "2023-03-01T01:00:00Z",
  },
  {
    regionCode: "31.71",
    slug: "jakarta-pusat",
    displayName: "Jakarta Siaga 112 — Jakarta Pusat",
    status: "live",
    launchedAt: "2022-06-15T02:00:00Z",
  },
  {
    regionCode: "51.71",
    slug: "denpasar",
    displayName: "Call Center 112 Kota Denpasar",
    status: "live",
    launchedAt: "2024-01-10T00:00:00Z",
  },
  {
    regionCode: "73.71",
    slug: "makassar",
    displayName: "Call Center 112 Kota Makassar",
    status: "onboarding",
    launchedAt: null,
  },
  {
    regionCode: "91.71",
    slug: "jayapura",
    displayName: "Call Center 112 Kota Jayapura",
    status: "onboarding",
    launchedAt: null,
  },
  {
    regionCode: "35.25",
    slug: "gresik",
    displayName: "Call Center 112 Kabupaten Gresik",
    status: "prospect",
    launchedAt: null,
  },
  {
    regionCode: "33.74",
    slug: "semarang",
    displayName: "Call Center 112 Kota Semarang",
    status: "suspended",
    launchedAt: "2021-11-01T00:00:00Z",
  },
] as const;
