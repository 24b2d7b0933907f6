import postgres from "postgres";
import { appRoleName, ownerRoleName } from "./schema/roles.ts";

export interface RolePasswords {
  owner: string;
  app: string;
}

/**
 * The statements a superuser runs once per database so that migrations and the runtime can connect.
 * The owner bypasses RLS (it runs migrations, the seed and the narrow cross-tenant functions); the
 * runtime role never does. Idempotent: passwords are reset, nothing else changes on a second run.
 */
export function roleStatements(database: string, passwords: RolePasswords): string[] {
  const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;
  const ident = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return [
    `do $$ begin
       if not exists (select from pg_roles where rolname = '${ownerRoleName}') then
         create role ${ownerRoleName} login;
       end if;
       if not exists (select from pg_roles where rolname = '${appRoleName}') then
         create role ${appRoleName} login;
       end if;
     end $$`,
    `alter role ${ownerRoleName} with login nosuperuser bypassrls password ${quote(passwords.owner)}`,
    `alter role ${appRoleName} with login nosuperuser nobypassrls nocreatedb nocreaterole password ${quote(passwords.app)}`,
    `alter database ${ident(database)} owner to ${ownerRoleName}`,
    `alter schema public owner to ${ownerRoleName}`,
    `revoke all on database ${ident(database)} from public`,
    `grant connect on database ${ident(database)} to ${appRoleName}`,
  ];
}

/** Applies `roleStatements` through a superuser connection. */
export async function provisionRoles(
  superuserUrl: string,
  passwords: RolePasswords,
): Promise<void> {
  const sql = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ db: string }[]>`select current_database() as db`;
    if (!row) throw new Error("could not read the current database name");
    for (const statement of roleStatements(row.db, passwords)) await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}
