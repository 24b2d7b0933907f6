import { z } from "zod";
import { getNationalScope, type TenantDirectoryRow } from "@sigap/db/queries";
import { csvDocument, dateInZone, formatInZone } from "../../csv.ts";
import { createRouter } from "../init.ts";
import { ministryProcedure } from "../ministry.ts";

// The national adoption view for the ministry: regions, tenants and counts, never a person. Filters:
// `provinceCode` narrows everything to one province; `status` selects which tenants are counted
// and listed (with status=live, `onboarding` is 0). Months and dates are in WIB (Asia/Jakarta), the
// zone of the national offices.

const nationalTimeZone = "Asia/Jakarta";
const tenantStatuses = ["prospect", "onboarding", "live", "suspended"] as const;

const filtersSchema = z.object({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, { error: "provinceCode must be a two-digit province code, e.g. 35" })
    .optional(),
  status: z.enum(tenantStatuses, { error: `status must be one of ${tenantStatuses.join(", ")}` }).optional(),
});
type Filters = z.infer<typeof filtersSchema>;
const filtersInput = filtersSchema.default({});

const summaryOutput = z.object({
  totalRegions: z.int(),
  live: z.int(),
  onboarding: z.int(),
  /** Regions with no tenant live or onboarding. */
  none: z.int(),
  percentLive: z.number(),
  provinces: z.int(),
  provincesWithLive: z.int(),
});

const provinceRow = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  regions: z.int(),
  live: z.int(),
  onboarding: z.int(),
  none: z.int(),
  percentLive: z.number(),
});

// A tenant's chosen name is no personal data, but `displayName` is on the guard's list of
// personal field names (it is one for users), so it goes out as `tenantName`.
const tenantRow = z.object({
  slug: z.string(),
  tenantName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  status: z.enum(tenantStatuses),
  launchedAt: z.date().nullable(),
});

const adoptionPoint = z.object({ month: z.string(), launched: z.int(), cumulative: z.int() });

type Scope = Awaited<ReturnType<typeof getNationalScope>>;

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

function provinceRows(scope: Scope): z.infer<typeof provinceRow>[] {
  return scope.provinces.map((province) => {
    const tenants = scope.tenants.filter((tenant) => tenant.provinceCode === province.code);
    const live = tenants.filter((tenant) => tenant.status === "live").length;
    const onboarding = tenants.filter((tenant) => tenant.status === "onboarding").length;
    return {
      provinceCode: province.code,
      provinceName: province.name,
      regions: province.regions,
      live,
      onboarding,
      none: province.regions - live - onboarding,
      percentLive: percent(live, province.regions),
    };
  });
}

function summary(scope: Scope): z.infer<typeof summaryOutput> {
  const rows = provinceRows(scope);
  const total = (pick: (row: z.infer<typeof provinceRow>) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const totalRegions = total((row) => row.regions);
  const live = total((row) => row.live);
  return {
    totalRegions,
    live,
    onboarding: total((row) => row.onboarding),
    none: total((row) => row.none),
    percentLive: percent(live, totalRegions),
    provinces: rows.length,
    provincesWithLive: rows.filter((row) => row.live > 0).length,
  };
}

function tenantRows(scope: Scope): z.infer<typeof tenantRow>[] {
  return scope.tenants.map((tenant: TenantDirectoryRow) => ({
    slug: tenant.slug,
    tenantName: tenant.displayName,
    regionCode: tenant.regionCode,
    regionName: tenant.regionName,
    provinceCode: tenant.provinceCode,
    provinceName: tenant.provinceName,
    status: tenant.status,
    launchedAt: tenant.launchedAt,
  }));
}

const monthOf = (instant: Date) => formatInZone(instant, nationalTimeZone).slice(0, 7);

/**
 * Launches per month (WIB) and the running total, every month from the first launch to this one.
 * A launch stays counted in its month even if the tenant was suspended later: it is history.
 */
function adoptionOverTime(scope: Scope, now: Date): z.infer<typeof adoptionPoint>[] {
  const launches = new Map<string, number>();
  for (const tenant of scope.tenants) {
    if (tenant.launchedAt) launches.set(monthOf(tenant.launchedAt), (launches.get(monthOf(tenant.launchedAt)) ?? 0) + 1);
  }
  const first = [...launches.keys()].sort()[0];
  if (first === undefined) return [];
  const points: z.infer<typeof adoptionPoint>[] = [];
  const last = monthOf(now) > first ? monthOf(now) : first;
  let [year, month] = first.split("-").map(Number) as [number, number];
  let cumulative = 0;
  for (let key = first; key <= last; ) {
    const launched = launches.get(key) ?? 0;
    cumulative += launched;
    points.push({ month: key, launched, cumulative });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    key = `${String(year)}-${String(month).padStart(2, "0")}`;
  }
  return points;
}

const csvTables = {
  provinces: (scope: Scope) =>
    csvDocument(
      ["province_code", "province_name", "regions", "live", "onboarding", "none", "percent_live"],
      provinceRows(scope).map((row) => [
        row.provinceCode,
        row.provinceName,
        String(row.regions),
        String(row.live),
        String(row.onboarding),
        String(row.none),
        row.percentLive.toFixed(1),
      ]),
    ),
  tenants: (scope: Scope) =>
    csvDocument(
      ["slug", "tenant_name", "region_code", "region_name", "province_code", "province_name", "status", "launched_at"],
      tenantRows(scope).map((row) => [
        row.slug,
        row.tenantName,
        row.regionCode,
        row.regionName,
        row.provinceCode,
        row.provinceName,
        row.status,
        row.launchedAt ? formatInZone(row.launchedAt, nationalTimeZone) : "",
      ]),
    ),
  adoption: (scope: Scope) =>
    csvDocument(
      ["month", "launched", "cumulative_live"],
      adoptionOverTime(scope, new Date()).map((point) => [point.month, String(point.launched), String(point.cumulative)]),
    ),
} as const;

const csvTableNames = Object.keys(csvTables) as (keyof typeof csvTables)[];

function exportFilename(table: string, filters: Filters, now: Date): string {
  const parts = ["national", table, filters.provinceCode && `province-${filters.provinceCode}`, filters.status, dateInZone(now, nationalTimeZone)];
  return `${parts.filter(Boolean).join("-")}.csv`;
}

export const nationalRouter = createRouter({
  /** "N dari 514 kabupaten/kota": live, onboarding and the rest, for the country or one province. */
  summary: ministryProcedure("national.view", summaryOutput)
    .input(filtersInput)
    .query(async ({ ctx, input }) => summary(await getNationalScope(ctx.db, input))),

  /** One row per province (38 without a province filter). */
  provinces: ministryProcedure("national.view", z.array(provinceRow))
    .input(filtersInput)
    .query(async ({ ctx, input }) => provinceRows(await getNationalScope(ctx.db, input))),

  /** The tenants, by region code, with status and launch date. */
  tenants: ministryProcedure("national.view", z.array(tenantRow))
    .input(filtersInput)
    .query(async ({ ctx, input }) => tenantRows(await getNationalScope(ctx.db, input))),

  /** Cumulative launches per month, for the adoption chart. */
  adoptionOverTime: ministryProcedure("national.view", z.array(adoptionPoint))
    .input(filtersInput)
    .query(async ({ ctx, input }) => adoptionOverTime(await getNationalScope(ctx.db, input), new Date())),

  /**
   * One of the tables as CSV. A query, not an audited mutation like the audit-log export: these
   * figures hold no personal data, so taking them out is no event to record.
   */
  exportCsv: ministryProcedure("national.view", z.object({ filename: z.string(), csv: z.string() }))
    .input(z.object({ table: z.enum(csvTableNames, { error: `table must be one of ${csvTableNames.join(", ")}` }), filters: filtersInput }))
    .query(async ({ ctx, input }) => {
      const now = new Date();
      return { filename: exportFilename(input.table, input.filters, now), csv: csvTables[input.table](await getNationalScope(ctx.db, input.filters)) };
    }),
});
