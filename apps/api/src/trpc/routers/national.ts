import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Executor } from "@sigap/db/client";
import {
  getNationalScope,
  listProvinceRegencies,
  listTenantDirectory,
  type TenantDirectoryRow,
} from "@sigap/db/queries";
import { csvDocument, dateInZone, formatInZone } from "../../csv.ts";
import { tenantRow, toTenantRow } from "../../onboarding/tenant-row.ts";
import { createRouter } from "../init.ts";
import { ministryProcedure } from "../ministry.ts";

// The national adoption view for the ministry: regions, tenants and counts, never a person. Filters:
// `provinceCode` narrows everything to one province; `status` selects which tenants are counted
// and listed (with status=live, `onboarding` is 0). Months and dates are in WIB (Asia/Jakarta), the
// zone of the national offices.
//
// "Live" means live now, in every figure: headline, province rows, the map, the trend and a
// province's region list. A region that went live and was suspended since counts as not live (one
// of `none`); it is listed with its status and launch date. The database keeps no date of
// suspension, so the trend cannot show such a region as live until it stopped: it shows, month by
// month, when the regions live today went live, and its last point is the headline.

const nationalTimeZone = "Asia/Jakarta";
const tenantStatuses = ["prospect", "onboarding", "live", "suspended"] as const;

const filtersSchema = z.object({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, { error: "provinceCode must be a two-digit province code, e.g. 35" })
    .optional(),
  status: z
    .enum(tenantStatuses, { error: `status must be one of ${tenantStatuses.join(", ")}` })
    .optional(),
});
type Filters = z.infer<typeof filtersSchema>;
const filtersInput = filtersSchema.default({});

/** How many months the trend shows, this one included; without it, every month since the first launch. */
const trendMonths = z
  .int({ error: "months must be a whole number of months" })
  .min(1, { error: "months must be at least 1" })
  .max(600, {
    error: "months must be at most 600",
  });
const trendInput = filtersSchema.extend({ months: trendMonths.optional() }).default({});

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

const adoptionPoint = z.object({ month: z.string(), launched: z.int(), cumulative: z.int() });

const provinceRegion = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  /** Null for a region without a tenant. */
  status: z.enum(tenantStatuses).nullable(),
  tenantName: z.string().nullable(),
  launchedAt: z.date().nullable(),
});
const provinceDetail = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  regions: z.array(provinceRegion),
});

type Scope = Awaited<ReturnType<typeof getNationalScope>>;

const percent = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

/** The one definition of a live region (see the top of this file). */
const isLive = (tenant: { status: TenantDirectoryRow["status"] }) => tenant.status === "live";

function provinceRows(scope: Scope): z.infer<typeof provinceRow>[] {
  return scope.provinces.map((province) => {
    const tenants = scope.tenants.filter((tenant) => tenant.provinceCode === province.code);
    const live = tenants.filter(isLive).length;
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
  const total = (pick: (row: z.infer<typeof provinceRow>) => number) =>
    rows.reduce((sum, row) => sum + pick(row), 0);
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
  return scope.tenants.map(toTenantRow);
}

const monthOf = (instant: Date) => formatInZone(instant, nationalTimeZone).slice(0, 7);

/** "2025-03" moved by `by` months ("2025-01" by -3 is "2024-10"). */
function shiftMonth(month: string, by: number): string {
  const [year = 1970, number = 1] = month.split("-").map(Number);
  const index = year * 12 + number - 1 + by;
  return `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * The regions live now, by the month (WIB) each went live, with the running total: every month from
 * the first launch to this one, or the last `months` of them (the total then starts with the
 * launches before). No live region, no points.
 */
function adoptionOverTime(
  scope: Scope,
  now: Date,
  months?: number,
): z.infer<typeof adoptionPoint>[] {
  const launches = new Map<string, number>();
  for (const tenant of scope.tenants) {
    if (isLive(tenant) && tenant.launchedAt)
      launches.set(monthOf(tenant.launchedAt), (launches.get(monthOf(tenant.launchedAt)) ?? 0) + 1);
  }
  const firstLaunch = [...launches.keys()].sort()[0];
  if (firstLaunch === undefined) return [];
  const last = monthOf(now) > firstLaunch ? monthOf(now) : firstLaunch;
  const first = months === undefined ? firstLaunch : shiftMonth(last, 1 - months);
  let cumulative = [...launches]
    .filter(([month]) => month < first)
    .reduce((sum, [, launched]) => sum + launched, 0);
  const points: z.infer<typeof adoptionPoint>[] = [];
  for (let month = first; month <= last; month = shiftMonth(month, 1)) {
    const launched = launches.get(month) ?? 0;
    cumulative += launched;
    points.push({ month, launched, cumulative });
  }
  return points;
}

/** Every kabupaten/kota of a province with its tenant's status and launch, if it has a tenant. */
async function provinceDetailOf(
  db: Executor,
  provinceCode: string,
): Promise<z.infer<typeof provinceDetail>> {
  const [regencies, directory] = await Promise.all([
    listProvinceRegencies(db, provinceCode),
    listTenantDirectory(db),
  ]);
  const [first] = regencies;
  if (!first)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `No province with provinceCode ${provinceCode}`,
    });
  const tenantOf = new Map(directory.map((tenant) => [tenant.regionCode, tenant]));
  return {
    provinceCode,
    provinceName: first.provinceName,
    regions: regencies.map((regency) => {
      const tenant = tenantOf.get(regency.code);
      return {
        regionCode: regency.code,
        regionName: regency.name,
        status: tenant?.status ?? null,
        tenantName: tenant?.displayName ?? null,
        launchedAt: tenant?.launchedAt ?? null,
      };
    }),
  };
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
      [
        "slug",
        "tenant_name",
        "region_code",
        "region_name",
        "province_code",
        "province_name",
        "status",
        "launched_at",
      ],
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
  adoption: (scope: Scope, months?: number) =>
    csvDocument(
      ["month", "launched", "cumulative_live"],
      adoptionOverTime(scope, new Date(), months).map((point) => [
        point.month,
        String(point.launched),
        String(point.cumulative),
      ]),
    ),
} as const;

const csvTableNames = Object.keys(csvTables) as (keyof typeof csvTables)[];

function exportFilename(
  table: string,
  filters: Filters,
  months: number | undefined,
  now: Date,
): string {
  const parts = [
    "national",
    table,
    filters.provinceCode && `province-${filters.provinceCode}`,
    filters.status,
    months !== undefined && `${String(months)}-months`,
    dateInZone(now, nationalTimeZone),
  ];
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

  /** The live regions by month of launch, cumulative, for the adoption chart. */
  adoptionOverTime: ministryProcedure("national.view", z.array(adoptionPoint))
    .input(trendInput)
    .query(async ({ ctx, input }) =>
      adoptionOverTime(await getNationalScope(ctx.db, input), new Date(), input.months),
    ),

  /** A province's drill-down: each of its kabupaten/kota with status and launch date. */
  province: ministryProcedure("national.view", provinceDetail)
    .input(z.object({ provinceCode: filtersSchema.shape.provinceCode.unwrap() }))
    .query(({ ctx, input }) => provinceDetailOf(ctx.db, input.provinceCode)),

  /**
   * One of the tables as CSV. A query, not an audited mutation like the audit-log export: these
   * figures hold no personal data, so taking them out is no event to record.
   */
  exportCsv: ministryProcedure("national.view", z.object({ filename: z.string(), csv: z.string() }))
    .input(
      z.object({
        table: z.enum(csvTableNames, { error: `table must be one of ${csvTableNames.join(", ")}` }),
        filters: filtersInput,
        /** The trend's range; only the adoption table has one. */
        months: trendMonths.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const now = new Date();
      const months = input.table === "adoption" ? input.months : undefined;
      const scope = await getNationalScope(ctx.db, input.filters);
      return {
        filename: exportFilename(input.table, input.filters, months, now),
        csv: csvTables[input.table](scope, months),
      };
    }),
});
