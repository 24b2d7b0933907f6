import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "./harness.ts";
import { appRoleName } from "@sigap/db/schema";
import { findIsolationViolations, tenantTables } from "./isolation-rules.ts";
import { rolledBack } from "./rolled-back.ts";

const database = connectTestDatabase();
afterAll(() => database.close());

describe("tenant isolation rules, read from the migrated catalog", () => {
  it("finds tenant tables to check", async () => {
    expect(await tenantTables(database.owner.sql)).toContain("tenant_settings");
  });

  it("every tenant table has RLS enabled and forced, a real policy, and tenant_id leading its keys", async () => {
    expect(await findIsolationViolations(database.owner.sql)).toEqual([]);
  });

  it("catches a tenant table added without RLS (the check itself works)", async () => {
    const violations = await rolledBack(database.owner.sql, async (tx) => {
      await tx`create table careless_notes (id uuid primary key, tenant_id uuid not null, body text)`;
      return findIsolationViolations(tx);
    });
    expect(violations).toEqual([
      "careless_notes: row-level security is not enabled",
      "careless_notes: row-level security is not forced",
      "careless_notes: has no policy",
      "careless_notes: tenant_id does not lead the primary key",
      "careless_notes: index careless_notes_pkey does not start with tenant_id",
    ]);
  });

  it("the runtime role is neither superuser nor owner and cannot bypass RLS", async () => {
    const [role] = await database.owner.sql<
      { rolsuper: boolean; rolbypassrls: boolean; owns: number; member_of_owner: boolean }[]
    >`
      select r.rolsuper, r.rolbypassrls,
             (select count(*)::int from pg_class c where c.relowner = r.oid) as owns,
             pg_has_role(r.oid, 'sigap_owner', 'member') as member_of_owner
        from pg_roles r where r.rolname = ${appRoleName}`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owns: 0, member_of_owner: false });
  });

  it("the runtime role is who the app pool connects as", async () => {
    const [row] = await database.app.sql<{ user: string }[]>`select current_user as user`;
    expect(row?.user).toBe(appRoleName);
  });
});
