import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@sigap/tenancy/testing";
import { createLogger } from "../src/logger.ts";
import { logSink } from "./server.ts";

const database = connectTestDatabase();
afterAll(async () => {
  await database.close();
});

const typed = "Budi Santoso 0812-3456-7890";

/** A real failed statement that bound what a person typed, as Drizzle reports it. */
async function failedQuery(): Promise<unknown> {
  return database.owner.db.execute(sql`select ${typed}::text as name, 1 / 0 as broken`).then(
    () => {
      throw new Error("the statement was meant to fail");
    },
    (error: unknown) => error,
  );
}

describe("error logs", () => {
  it.each([
    ["a query error", (error: unknown) => error],
    [
      "a procedure failure caused by one",
      (error: unknown) => new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }),
    ],
  ])(
    "leave the bound values of %s out, keeping the statement and the database's reason",
    async (_shape, wrap) => {
      const { sink, lines } = logSink();
      createLogger("info", "test", sink).error(
        { err: wrap(await failedQuery()) },
        "procedure failed",
      );
      const logged = JSON.stringify(lines);
      expect(logged).toContain("division by zero");
      expect(logged).toContain("select $1::text as name");
      expect(logged).toContain("[redacted]");
      expect(logged).not.toContain("Budi");
      expect(logged).not.toContain("0812");
    },
  );
});
