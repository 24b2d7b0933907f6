import { afterEach, describe, expect, it, vi } from "vitest";
import { testSecretKeys } from "@sigap/dev/secret-keys";
import { readEnv } from "../src/env.ts";

const required = {
  DATABASE_APP_URL: "postgres://sigap_app@127.0.0.1/sigap",
  SIGAP_SECRET_KEYS: testSecretKeys,
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("TRUSTED_PROXIES", () => {
  it("defaults to loopback, where the portal runs beside the API under npm start", () => {
    expect(readEnv(required).TRUSTED_PROXIES).toEqual(["127.0.0.1", "::1"]);
  });

  it("takes a comma-separated list of addresses and CIDR ranges", () => {
    expect(
      readEnv({ ...required, TRUSTED_PROXIES: " 10.20.0.0/16, 2001:DB8::1 ,," }).TRUSTED_PROXIES,
    ).toEqual(["10.20.0.0/16", "2001:db8::1"]);
  });

  it("stops the process at start on an entry that is neither, naming it", () => {
    const exit = vi.spyOn(process, "exit").mockImplementation(() => {
      throw new Error("exit");
    });
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => readEnv({ ...required, TRUSTED_PROXIES: "127.0.0.1,10.0.0.0/33" })).toThrow(
      "exit",
    );
    expect(exit).toHaveBeenCalledWith(2);
    expect(printed.mock.calls.join("\n")).toContain(
      "TRUSTED_PROXIES.1 must be an IP address or CIDR range",
    );
  });
});
