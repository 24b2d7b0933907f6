import { createReadStream } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Sql, TransactionSql } from "postgres";
import { provinceTimeZones } from "./time-zones.ts";

const dataDir = join(
  dirname(createRequire(import.meta.url).resolve("idn-area-data/package.json")),
  "data",
);

/** The CSV files' headers already match the table columns, so each loads with one COPY. */
const areaTables = [
  { table: "regencies", file: "regencies.csv", columns: "code, province_code, name" },
  { table: "districts", file: "districts.csv", columns: "code, regency_code, name" },
  { table: "villages", file: "villages.csv", columns: "code, district_code, name" },
] as const;

/**
 * Loads the national region registry (38 provinces, 514 kabupaten/kota, ~7k kecamatan, ~84k
 * desa/kelurahan) with COPY, inside the caller's transaction. Does nothing if it is already loaded.
 */
export async function seedRegions(sql: Sql | TransactionSql): Promise<boolean> {
  const [loaded] = await sql<{ count: number }[]>`select count(*)::int as count from provinces`;
  if (loaded && loaded.count > 0) return false;

  // Provinces go through a staging table so each row gets its time zone on the way in.
  await sql`create temporary table province_staging (code text, name text) on commit drop`;
  await copyCsv(sql, "province_staging", "code, name", "provinces.csv");
  const zones = Object.entries(provinceTimeZones).map(([code, zone]) => ({ code, zone }));
  await sql`
    insert into provinces (code, name, time_zone)
    select s.code, s.name, z.zone::time_zone
      from province_staging s
      join jsonb_to_recordset(${sql.json(zones)}) as z(code text, zone text) using (code)`;
  const [missing] = await sql<{ count: number }[]>`
    select count(*)::int as count from province_staging where code not in (select code from provinces)`;
  if (missing && missing.count > 0)
    throw new Error(`${missing.count} provinces have no time zone mapping`);

  for (const { table, file, columns } of areaTables) await copyCsv(sql, table, columns, file);
  return true;
}

async function copyCsv(
  sql: Sql | TransactionSql,
  table: string,
  columns: string,
  file: string,
): Promise<void> {
  const target = await sql
    .unsafe(`copy ${table} (${columns}) from stdin with (format csv, header true)`)
    .writable();
  await pipeline(createReadStream(join(dataDir, file)), target);
}
