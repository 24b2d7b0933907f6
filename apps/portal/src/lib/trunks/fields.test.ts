import { describe, expect, it } from "vitest";
import { refusal } from "#lib/api/refusal.testing.ts";
import { translator } from "#lib/i18n/index.ts";
import { didMessage, trunkFieldMessages } from "./fields.ts";

const id = translator("id");

describe("the trunk form's field messages", () => {
  it("words a missing digest password from its reason, not from the API's English", () => {
    const missing = trunkFieldMessages(id, refusal("BAD_REQUEST", { "auth.password": "required" }));
    expect(missing["auth.password"]).toBe(id.t("trunks.error.passwordRequired"));
    const weak = trunkFieldMessages(id, refusal("BAD_REQUEST", { "auth.password": "too_small" }));
    expect(weak["auth.password"]).toBe(id.t("trunks.error.password"));
  });

  it("marks the whole allow-list for one bad address, and a taken name as taken", () => {
    const messages = trunkFieldMessages(
      id,
      refusal("CONFLICT", { name: "taken", "auth.addresses.3": "invalid_format" }),
    );
    expect(messages).toEqual({
      name: id.t("trunks.error.nameTaken"),
      "auth.addresses": id.t("trunks.error.addresses"),
    });
  });
});

describe("a DID line's message", () => {
  it.each([
    ["taken", "trunks.dids.onOtherTrunk"],
    ["unavailable", "trunks.dids.takenElsewhere"],
    ["repeated", "trunks.dids.repeated"],
    ["invalid", "trunks.dids.invalid"],
  ] as const)("says %s as %s", (reason, key) => {
    expect(didMessage(id, reason)).toBe(id.t(key));
  });
});
