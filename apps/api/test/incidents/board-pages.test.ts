import { beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, type TestTenant } from "@sigap/tenancy/testing";
import { useTestApi, useTestRecords } from "../harness.ts";
import { ok, tenantClient, type TenantClient } from "./fixture.ts";

// The board and the incident list read a page at a time, newest first, by a cursor on the exact
// creation time and id: every incident of a view is reached once, a search narrows it, and one
// region's pages and searches never hold another's incidents. The CSV export takes the whole list.

const { api, database } = useTestApi();
const { owner } = database;
const records = useTestRecords(owner);

interface BoardRow {
  id: string;
  status: string;
  description: string | null;
}
interface BoardPage {
  rows: BoardRow[];
  nextCursor: string | null;
}

interface Region {
  tenant: TestTenant;
  operator: TenantClient;
  supervisor: TenantClient;
}

async function arrange(): Promise<Region> {
  const tenant = await createTestTenant(owner, "live");
  records.tenants.push(tenant);
  const [operator, supervisor] = await Promise.all([
    tenantClient(api.url, owner, records, tenant, "operator"),
    tenantClient(api.url, owner, records, tenant, "supervisor"),
  ]);
  return { tenant, operator, supervisor };
}

interface Arranged {
  status?: string;
  description?: string;
  address?: string;
  /** Postgres timestamptz text, to the microsecond. */
  createdAt: string;
}

/** Incidents written as intake would have left them, at chosen instants; their ids in the order given. */
async function incidents(tenant: TestTenant, rows: Arranged[]): Promise<string[]> {
  const ids: string[] = [];
  for (const row of rows) {
    const location =
      row.address === undefined
        ? null
        : { latitude: null, longitude: null, kecamatanCode: null, address: row.address };
    const [inserted] = await owner.sql<{ id: string }[]>`
      insert into incidents (tenant_id, types, status, description, location, created_at)
      values (${tenant.id}, ${["fire.building"]}, ${row.status ?? "new"}, ${row.description ?? null},
              ${location === null ? null : JSON.stringify(location)}::jsonb, ${row.createdAt}::timestamptz)
      returning id`;
    if (!inserted) throw new Error("no incident inserted");
    ids.push(inserted.id);
  }
  return ids;
}

/** Every page of a view, following `nextCursor`; the ids in the order the pages gave them. */
async function everyPage(client: TenantClient, input: Record<string, unknown>) {
  const ids: string[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const page: BoardPage = await ok(
      client.call<BoardPage>("query", "incidents.board", {
        ...input,
        ...(cursor ? { cursor } : {}),
      }),
    );
    expect(page.rows.length).toBeLessThanOrEqual(Number(input.limit ?? 100));
    ids.push(...page.rows.map((row) => row.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { ids, pages };
}

const board = (client: TenantClient, input: Record<string, unknown>) =>
  ok(client.call<BoardPage>("query", "incidents.board", input));

let north: Region;
let south: Region;
/** North's closed incidents, newest first. */
let closed: string[];
let open: string[];

beforeAll(async () => {
  [north, south] = await Promise.all([arrange(), arrange()]);
  // Three share one millisecond and differ in microseconds, two share the very instant: a cursor
  // rounded to milliseconds, or without the id, would skip or repeat them.
  const arranged = await incidents(north.tenant, [
    { status: "closed", createdAt: "2025-03-01 08:00:00.000001+00", description: "Pohon tumbang" },
    { status: "closed", createdAt: "2025-03-01 09:00:00.123456+00", address: "Jl. Veteran 5" },
    { status: "closed", createdAt: "2025-03-01 09:00:00.123457+00", description: "Banjir 50%" },
    { status: "closed", createdAt: "2025-03-01 09:00:00.123458+00" },
    { status: "cancelled", createdAt: "2025-03-01 10:00:00.5+00", description: "Panggilan iseng" },
    { status: "closed", createdAt: "2025-03-01 10:00:00.5+00", description: "Kebakaran gudang" },
    { status: "closed", createdAt: "2025-03-02 07:30:00+00", address: "Pasar Veteran, los 3" },
    { status: "new", createdAt: "2025-03-03 06:00:00+00", description: "Kebakaran rumah" },
    { status: "dispatched", createdAt: "2025-03-03 06:05:00+00", address: "jl. veteran 12" },
  ]);
  closed = arranged.slice(0, 7).reverse();
  open = arranged.slice(7).reverse();
  await incidents(south.tenant, [
    { createdAt: "2025-03-03 06:00:00+00", description: "Kebakaran gudang di Jl. Veteran" },
  ]);
});

describe("the board's pages", () => {
  it("reach every incident of a view once, newest first, however small the pages", async () => {
    for (const limit of [1, 2, 3]) {
      const { ids, pages } = await everyPage(north.operator, { view: "closed", limit });
      expect(ids).toHaveLength(closed.length);
      expect(new Set(ids)).toEqual(new Set(closed));
      expect(pages).toBe(Math.ceil(closed.length / limit));
    }
    const { ids } = await everyPage(north.operator, { view: "closed", limit: 2 });
    // The same instant twice: the larger id first, as the cursor breaks the tie.
    const tied = ids.slice(1, 3);
    expect(tied).toEqual([...tied].sort().reverse());
    expect(ids.at(-1)).toBe(closed.at(-1));
    expect((await everyPage(north.operator, { view: "all", limit: 4 })).ids).toHaveLength(9);
  });

  it("end with no cursor on the last page, and hold the open view's incidents only", async () => {
    const page = await board(north.operator, {});
    expect(page).toMatchObject({ nextCursor: null });
    expect(page.rows.map((row) => row.id)).toEqual(open);
    expect(page.rows.map((row) => row.status)).toEqual(["dispatched", "new"]);
  });
});

describe("a search", () => {
  const found = async (query: string, view = "all") =>
    (await board(north.operator, { view, query })).rows.map((row) => row.description ?? row.id);

  it("finds its text in the description or the address, in any case, trimmed", async () => {
    expect(await found("  KEBAKARAN ")).toEqual(["Kebakaran rumah", "Kebakaran gudang"]);
    expect(await found("kebakaran", "closed")).toEqual(["Kebakaran gudang"]);
    const veteran = await board(north.operator, { view: "all", query: "Veteran" });
    expect(veteran.rows.map((row) => row.id)).toEqual([open[0], closed[0], closed[5]]);
  });

  it("takes % and _ as plain characters, and finds an incident by the start of its id", async () => {
    expect(await found("50%")).toEqual(["Banjir 50%"]);
    expect(await found("_")).toEqual([]);
    const id = closed[0] ?? "";
    expect(
      (await board(north.operator, { view: "all", query: id.slice(0, 8).toUpperCase() })).rows,
    ).toEqual([expect.objectContaining({ id })]);
    expect(await found("tidak ada yang begini")).toEqual([]);
  });

  it("pages like the whole view", async () => {
    const { ids } = await everyPage(north.operator, { view: "all", query: "veteran", limit: 1 });
    expect(ids).toEqual([open[0], closed[0], closed[5]]);
  });
});

describe("bad input", () => {
  it("is refused as BAD_REQUEST naming the field", async () => {
    const refused = async (input: Record<string, unknown>) => {
      const reply = await north.operator.call("query", "incidents.board", input);
      expect(reply.status).toBe(400);
      return reply.issues?.map((issue) => issue.path);
    };
    const { nextCursor } = await board(north.operator, { view: "closed", limit: 1 });
    const real = nextCursor ?? "";
    const [at, id] = JSON.parse(Buffer.from(real, "base64url").toString()) as [string, string];
    const encoded = (key: unknown) => Buffer.from(JSON.stringify(key)).toString("base64url");
    // The second last character holds bits of the closing `"]`: any other breaks the JSON.
    const tampered = (cursor: string) =>
      `${cursor.slice(0, -2)}${cursor.at(-2) === "x" ? "A" : "x"}${cursor.slice(-1)}`;
    // Tampered, its time cut to milliseconds (which would skip rows), made up, another list's
    // (the users'), or not a string at all.
    expect(await refused({ cursor: tampered(real) })).toEqual(["cursor"]);
    expect(await refused({ cursor: encoded([at.replace(/\d{3}Z$/, "Z"), id]) })).toEqual([
      "cursor",
    ]);
    expect(await refused({ cursor: "not-a-cursor" })).toEqual(["cursor"]);
    expect(await refused({ cursor: encoded(["Budi", id]) })).toEqual(["cursor"]);
    expect(await refused({ cursor: 42 })).toEqual(["cursor"]);
    expect(await refused({ limit: 0 })).toEqual(["limit"]);
    expect(await refused({ limit: 101 })).toEqual(["limit"]);
    expect(await refused({ limit: 1.5 })).toEqual(["limit"]);
    expect(await refused({ query: "x".repeat(101) })).toEqual(["query"]);
  });
});

describe("another region", () => {
  it("never finds this region's incidents, by search or with its cursor", async () => {
    const searched = await board(south.operator, { view: "all", query: "kebakaran" });
    expect(searched.rows.map((row) => row.description)).toEqual([
      "Kebakaran gudang di Jl. Veteran",
    ]);
    expect(
      (await board(south.operator, { view: "all", query: closed[0]?.slice(0, 8) })).rows,
    ).toEqual([]);
    // North's cursor is only a position in time: in the south it pages the south's own incidents.
    const { nextCursor } = await board(north.operator, { view: "all", limit: 1 });
    const after = await board(south.operator, { view: "all", cursor: nextCursor });
    expect(after.rows.map((row) => row.description)).toEqual(["Kebakaran gudang di Jl. Veteran"]);
    const { ids } = await everyPage(south.operator, { view: "all", limit: 1 });
    expect(ids.some((id) => [...open, ...closed].includes(id))).toBe(false);
  });
});

describe("the CSV export", () => {
  interface Export {
    csv: string;
    rowCount: number;
    truncated: boolean;
  }
  const lines = (csv: string) => csv.trim().split("\r\n").slice(1);

  it("holds every incident of the filter, the search included", async () => {
    const all = await ok(
      north.supervisor.call<Export>("query", "incidents.exportCsv", { view: "all" }),
    );
    expect(all).toMatchObject({ rowCount: 9, truncated: false });
    const onBoard = await everyPage(north.operator, { view: "all" });
    expect(lines(all.csv).map((line) => line.slice(0, 36))).toEqual(onBoard.ids);
    const searched = await ok(
      north.supervisor.call<Export>("query", "incidents.exportCsv", {
        view: "all",
        query: "veteran",
      }),
    );
    expect(searched).toMatchObject({ rowCount: 3, truncated: false });
    expect((await north.operator.call("query", "incidents.exportCsv", {})).status).toBe(403);
    const badQuery = await north.supervisor.call("query", "incidents.exportCsv", {
      query: "x".repeat(101),
    });
    expect(badQuery).toMatchObject({ status: 400, issues: [{ path: "query" }] });
  });

  it("goes past the board's old 200 and stops at 10,000, saying it was cut", async () => {
    const big = await arrange();
    await owner.sql`
      insert into incidents (tenant_id, types, status, created_at)
      select ${big.tenant.id}, array['traffic'], 'closed', timestamptz '2024-01-01' + n * interval '1 minute'
        from generate_series(1, 10001) as n`;
    const cut = await ok(
      big.supervisor.call<Export>("query", "incidents.exportCsv", { view: "closed" }),
    );
    expect(cut).toMatchObject({ rowCount: 10_000, truncated: true });
    const exported = lines(cut.csv).map((line) => line.slice(0, 36));
    expect(new Set(exported).size).toBe(10_000);
    // Newest first: the oldest incident is the one left out.
    const [oldest] = await owner.sql<{ id: string }[]>`
      select id from incidents where tenant_id = ${big.tenant.id} order by created_at limit 1`;
    expect(exported).not.toContain(oldest?.id);

    await owner.sql`delete from incidents where tenant_id = ${big.tenant.id} and created_at < '2024-01-01 03:00+00'`;
    const whole = await ok(
      big.supervisor.call<Export>("query", "incidents.exportCsv", { view: "closed" }),
    );
    expect(whole).toMatchObject({ rowCount: 10_001 - 179, truncated: false });
  });
});
