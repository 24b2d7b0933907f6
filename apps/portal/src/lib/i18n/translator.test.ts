import { describe, expect, it } from "vitest";
import { resolveLocale, translator } from "./index.ts";

const id = translator("id");
const en = translator("en");

describe("the translator", () => {
  it("fills placeholders in the reader's language", () => {
    expect(id.t("users.inviteDialog.sent", { email: "rina@contoh.id" })).toBe(
      "Undangan dikirim ke rina@contoh.id.",
    );
    expect(en.t("users.inviteDialog.sent", { email: "rina@contoh.id" })).toBe(
      "Invitation sent to rina@contoh.id.",
    );
    expect(en.t("users.invite")).toBe("Invite a user");
  });

  it("splits a message at its placeholders, for markup around one value", () => {
    expect(en.parts("tenant.switcher.more", { count: 20, total: 514 })).toEqual([
      { kind: "text", text: "Showing " },
      { kind: "param", name: "count", text: "20" },
      { kind: "text", text: " of " },
      { kind: "param", name: "total", text: "514" },
      { kind: "text", text: " regions; type to narrow the list." },
    ]);
  });

  it("falls back to Indonesian for an unknown or missing locale", () => {
    expect(resolveLocale("en")).toBe("en");
    expect(resolveLocale("fr")).toBe("id");
    expect(resolveLocale(undefined)).toBe("id");
  });

  it("numbers in the locale's convention", () => {
    expect(id.number(1234.5)).toBe("1.234,5");
    expect(en.number(1234.5)).toBe("1,234.5");
  });
});

describe("plural forms", () => {
  it("chooses the English form by count", () => {
    expect(en.t("sop.editor.errorCount", { count: 1 })).toBe("1 error");
    expect(en.t("sop.editor.errorCount", { count: 2 })).toBe("2 errors");
    expect(en.t("sop.editor.errorCount", { count: 0 })).toBe("0 errors");
    expect(en.t("sop.editor.savedWithErrors", { count: 1 })).toBe(
      "Draft saved with 1 error; fix it before publishing.",
    );
    expect(en.t("agencies.standardSet.skipped", { count: 1, names: "Damkar" })).toBe(
      "1 type skipped because it already exists: Damkar.",
    );
    expect(en.t("agencies.standardSet.skipped", { count: 3, names: "Damkar, PMI, BPBD" })).toBe(
      "3 types skipped because they already exist: Damkar, PMI, BPBD.",
    );
  });

  it("takes a count already written as a numeral", () => {
    expect(en.t("auth.error.throttledMinutes", { count: "1" })).toBe(
      "Too many attempts. Try again in 1 minute.",
    );
    expect(en.t("auth.error.throttledSeconds", { count: "30" })).toBe(
      "Too many attempts. Try again in 30 seconds.",
    );
  });

  it("chooses the form in parts too", () => {
    expect(en.parts("incidents.dispatch.submit", { count: 1 }).map((part) => part.text)).toEqual([
      "Send to ",
      "1",
      " agency",
    ]);
  });

  it("keeps Indonesian, which does not inflect for number, as it is", () => {
    expect(id.t("sop.editor.errorCount", { count: 1 })).toBe("1 galat");
    expect(id.t("sop.editor.errorCount", { count: 2 })).toBe("2 galat");
  });

  it("composes two counts each in its own form", () => {
    const counts = {
      errors: en.t("sop.editor.errorCount", { count: 1 }),
      warnings: en.t("sop.editor.warningCount", { count: 2 }),
    };
    expect(en.t("sop.editor.findingsTitle", counts)).toBe("Validation: 1 error, 2 warnings");
  });
});
