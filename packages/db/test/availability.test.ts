import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../src/availability.ts";

const coded = (code: string, cause?: unknown) =>
  Object.assign(new Error(`failed: ${code}`, { cause }), { code });

describe("isDatabaseUnavailable", () => {
  it.each(["CONNECTION_CLOSED", "CONNECT_TIMEOUT", "ECONNREFUSED", "57P01", "57P03", "08006"])(
    "says %s is Postgres out of reach",
    (code) => {
      expect(isDatabaseUnavailable(coded(code))).toBe(true);
    },
  );

  it("looks through the errors that wrap the driver's", () => {
    expect(
      isDatabaseUnavailable(
        new Error("query failed", { cause: new Error("tRPC", { cause: coded("57P01") }) }),
      ),
    ).toBe(true);
  });

  it.each(["23505", "25P02", "57014", "P0001"])(
    "says %s is a statement that failed, not the database",
    (code) => {
      expect(isDatabaseUnavailable(coded(code))).toBe(false);
    },
  );

  it("knows nothing of errors without a code, or of things that are not errors", () => {
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable("CONNECTION_CLOSED")).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
