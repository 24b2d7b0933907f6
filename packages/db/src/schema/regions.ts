import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";

// National reference tables (Kemendagri codes, loaded from `idn-area-data`). They hold no tenant
// data, so they carry no tenant_id and no RLS; on Citus they would be reference tables.

export const timeZone = pgEnum("time_zone", ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]);

export const provinces = pgTable("provinces", {
  code: text().primaryKey(),
  name: text().notNull(),
  timeZone: timeZone().notNull(),
});

export const regencies = pgTable(
  "regencies",
  {
    code: text().primaryKey(),
    provinceCode: text()
      .notNull()
      .references(() => provinces.code),
    name: text().notNull(),
    /** `kota` (city) or `kabupaten` (regency), read from the official name. */
    kind: text({ enum: ["kabupaten", "kota"] })
      .notNull()
      .generatedAlwaysAs(sql`case when name like 'Kota %' then 'kota' else 'kabupaten' end`),
  },
  (t) => [index().on(t.provinceCode)],
);

export const districts = pgTable(
  "districts",
  {
    code: text().primaryKey(),
    regencyCode: text()
      .notNull()
      .references(() => regencies.code),
    name: text().notNull(),
  },
  (t) => [index().on(t.regencyCode)],
);

export const villages = pgTable(
  "villages",
  {
    code: text().primaryKey(),
    districtCode: text()
      .notNull()
      .references(() => districts.code),
    name: text().notNull(),
  },
  (t) => [index().on(t.districtCode)],
);
