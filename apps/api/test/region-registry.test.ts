import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@sigap/tenancy/testing";

const database = connectTestDatabase();
afterAll(() => database.close());

describe("the national region registry, as seeded", () => {
  it("holds every province, kabupaten/kota, kecamatan and desa/kelurahan", async () => {
    const [counts] = await database.app.sql`
      select (select count(*)::int from provinces) as provinces,
             (select count(*)::int from regencies) as regencies,
             (select count(*)::int from regencies where kind = 'kota') as kota,
             (select count(*)::int from districts) as districts,
             (select count(*)::int from villages) as villages`;
    expect(counts).toEqual({
      provinces: 38,
      regencies: 514,
      kota: 98,
      districts: 7285,
      villages: 83762,
    });
  });

  it("gives each province its legal time zone", async () => {
    const rows = await database.app.sql<{ time_zone: string; provinces: number }[]>`
      select time_zone, count(*)::int as provinces from provinces group by 1 order by 1`;
    expect(rows).toEqual([
      { time_zone: "Asia/Jakarta", provinces: 18 },
      { time_zone: "Asia/Makassar", provinces: 12 },
      { time_zone: "Asia/Jayapura", provinces: 8 },
    ]);
    const zones = await database.app.sql<{ name: string; time_zone: string }[]>`
      select name, time_zone from provinces where code in ('35', '51', '94') order by code`;
    expect(zones).toEqual([
      { name: "Jawa Timur", time_zone: "Asia/Jakarta" },
      { name: "Bali", time_zone: "Asia/Makassar" },
      { name: "Papua Tengah", time_zone: "Asia/Jayapura" },
    ]);
  });
});
