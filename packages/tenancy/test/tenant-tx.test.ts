import { describe, expectTypeOf, it } from "vitest";
import type { Database, TenantTx, Transaction } from "@sigap/db/client";
import type { appendTenantAudit, listTrunks } from "@sigap/db/queries";
import type { withTenant, withTenantStatement } from "../src/index.ts";

// Type-level: the typecheck (`tsc` over src and test) proves these; at run time they do nothing.
describe("TenantTx", () => {
  it("is what withTenant and withTenantStatement hand out", () => {
    expectTypeOf<Parameters<Parameters<typeof withTenant>[2]>[0]>().toEqualTypeOf<TenantTx>();
    expectTypeOf<
      Parameters<Parameters<typeof withTenantStatement>[2]>[0]
    >().toEqualTypeOf<TenantTx>();
  });

  it("is all a tenant query takes: not the pool, where no tenant is set, nor a transaction withTenant did not open", () => {
    expectTypeOf<Parameters<typeof listTrunks>[0]>().toEqualTypeOf<TenantTx>();
    expectTypeOf<Database>().not.toExtend<Parameters<typeof listTrunks>[0]>();
    expectTypeOf<Transaction>().not.toExtend<Parameters<typeof appendTenantAudit>[0]>();
  });
});
