import { describe, expect, it } from "vitest";
import { auditActions } from "@sigap/api/audit-actions";
import { translator } from "#lib/i18n/index.ts";
import { auditSentence } from "./sentence.ts";

describe("auditSentence", () => {
  it("words every action the API records, in both languages, without its code", () => {
    for (const locale of ["id", "en"] as const) {
      const i18n = translator(locale);
      const sentences = auditActions.map((action) => auditSentence(i18n, action));
      for (const [index, sentence] of sentences.entries()) {
        expect(sentence).not.toContain(auditActions[index]);
        expect(sentence).toMatch(/^\p{Lu}/u);
      }
      // Two actions worded alike could not be told apart in the log.
      expect(new Set(sentences).size).toBe(auditActions.length);
    }
  });

  it("reads an action it does not know as its code", () => {
    expect(auditSentence(translator("id"), "legacy.thing")).toBe("Tindakan legacy.thing");
    expect(auditSentence(translator("en"), "legacy.thing")).toBe("Action legacy.thing");
  });
});
