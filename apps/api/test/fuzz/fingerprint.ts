import type { createDatabase } from "@sigap/db/client";

type Pool = ReturnType<typeof createDatabase>;

/** Per table, how many of the fuzzer's rows it holds and a hash of their content. */
export type Fingerprint = Record<string, string>;

/** The database as a request left it: the fuzzer's rows, and the audit actions that request wrote. */
export interface Snapshot {
  tables: Fingerprint;
  audited: string[];
}

/**
 * Audit actions written because an attempt failed: a refused sign-in or second-factor code is
 * itself the event worth keeping, so these rows are the one write a failed request may leave.
 */
const failureRecords = ["auth.signInFailed", "twoFactor.codeRejected"];

/**
 * What a failed request must leave as it was, read as the owner (past row-level security), in one
 * prepared query. Other test files write to the same database meanwhile, so only the fuzzer's own
 * rows count: every table with a `tenant_id` by the fuzzed tenants, every table with a `user_id`
 * by the fuzzer's people, and `tenants` and `users` themselves. Tables with neither (reference
 * data, the sign-in throttle, which records failures on purpose, the platform audit log) are left
 * out; audit rows anywhere are matched by request id instead. The tables are read from the
 * catalog, so a new table is covered without anyone remembering.
 */
export async function fingerprinter(
  owner: Pool,
  scope: { tenantIds: string[]; userIds: string[] },
) {
  const columns = await owner.sql<{ table_name: string; column_name: string }[]>`
    select c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
       and c.column_name in ('tenant_id', 'user_id', 'id')`;
  const has = (table: string, column: string) =>
    columns.some((row) => row.table_name === table && row.column_name === column);
  const tables = [...new Set(columns.map((row) => row.table_name))].sort();
  const scoped = tables.flatMap((table) => {
    if (has(table, "tenant_id")) return [{ table, where: "tenant_id = any($1::uuid[])" }];
    if (table === "tenants") return [{ table, where: "id = any($1::uuid[])" }];
    if (has(table, "user_id")) return [{ table, where: "user_id = any($2::uuid[])" }];
    if (table === "users") return [{ table, where: "id = any($2::uuid[])" }];
    return [];
  });
  // A row's version (xmin) changes with every insert or update that commits, and costs nothing to
  // read, unlike hashing rows that hold whole SOP rulesets. A session's last_seen_at, though, slides
  // on reads (once a minute), which is no write a request makes on purpose: sessions hash their
  // content without it.
  const rowHash = (table: string) =>
    table === "sessions" ? "(to_jsonb(t) - 'last_seen_at')::text" : "t.xmin::text";
  const counts = scoped.map(
    ({ table, where }) =>
      `'${table}', (select count(*) || ':' || coalesce(sum(hashtext(${rowHash(table)})), 0) from "${table}" t where ${where})`,
  );
  const query = `
    select json_build_object(${counts.join(", ")}) as tables,
           array(select action from audit_log where request_id = $3
                 union all
                 select action from platform_audit_log where request_id = $3) as audited`;
  return {
    tables: scoped.map(({ table }) => table),
    /** The snapshot after the request `requestId` (any string before the first request). */
    async take(requestId: string): Promise<Snapshot> {
      const [row] = await owner.sql.unsafe<Snapshot[]>(
        query,
        [scope.tenantIds, scope.userIds, requestId],
        { prepare: true },
      );
      if (!row) throw new Error("the fingerprint query returned no row");
      return {
        tables: row.tables,
        audited: row.audited.filter((action) => !failureRecords.includes(action)),
      };
    },
  };
}

/** What a request wrote between two snapshots: changed tables, and the audit rows it left. */
export function writesBetween(before: Snapshot, after: Snapshot): string[] {
  const changed = Object.keys(after.tables).filter(
    (table) => before.tables[table] !== after.tables[table],
  );
  return [...changed, ...after.audited.map((action) => `audit ${action}`)];
}
