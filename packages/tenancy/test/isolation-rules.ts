import type { Sql, TransactionSql } from "postgres";

/**
 * Reads the live catalog and lists every breach of DESIGN.md's tenant-isolation rules, one readable
 * line each. Tables are discovered, not listed, so a tenant table added later is checked too.
 */
export async function findIsolationViolations(sql: Sql | TransactionSql): Promise<string[]> {
  const tables = await sql<
    {
      table: string;
      rls: boolean;
      forced: boolean;
      policies: number;
      permissive_true: number;
      pk_first: string | null;
      bad_indexes: string[];
      bad_fkeys: string[];
    }[]
  >`
    select c.relname as table,
           c.relrowsecurity as rls,
           c.relforcerowsecurity as forced,
           (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
           (select count(*)::int from pg_policy p
             where p.polrelid = c.oid and pg_get_expr(p.polqual, p.polrelid) = 'true') as permissive_true,
           (select a.attname from pg_index i
              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
             where i.indrelid = c.oid and i.indisprimary) as pk_first,
           array(select ic.relname::text from pg_index i
                   join pg_class ic on ic.oid = i.indexrelid
                   left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                  where i.indrelid = c.oid and a.attname is distinct from 'tenant_id') as bad_indexes,
           array(select con.conname::text from pg_constraint con
                  where con.conrelid = c.oid and con.contype = 'f'
                    and exists (select 1 from pg_attribute ta where ta.attrelid = con.confrelid
                                  and ta.attname = 'tenant_id' and not ta.attisdropped)
                    and (select a.attname from pg_attribute a
                          where a.attrelid = c.oid and a.attnum = con.conkey[1]) <> 'tenant_id') as bad_fkeys
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and exists (select 1 from pg_attribute a
                    where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
     order by c.relname`;

  const violations: string[] = [];
  for (const t of tables) {
    if (!t.rls) violations.push(`${t.table}: row-level security is not enabled`);
    if (!t.forced) violations.push(`${t.table}: row-level security is not forced`);
    if (t.policies === 0) violations.push(`${t.table}: has no policy`);
    if (t.permissive_true > 0) violations.push(`${t.table}: has a policy using (true)`);
    if (t.pk_first !== "tenant_id")
      violations.push(`${t.table}: tenant_id does not lead the primary key`);
    for (const index of t.bad_indexes)
      violations.push(`${t.table}: index ${index} does not start with tenant_id`);
    for (const fkey of t.bad_fkeys)
      violations.push(`${t.table}: foreign key ${fkey} does not start with tenant_id`);
  }
  return violations;
}

/** Lists the tables that carry a tenant_id column. */
export async function tenantTables(sql: Sql): Promise<string[]> {
  const rows = await sql<{ table: string }[]>`
    select c.relname as table from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
     order by 1`;
  return rows.map((row) => row.table);
}
