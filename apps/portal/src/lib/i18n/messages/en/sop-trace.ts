import type { Translation } from "../../types.ts";
import type { sopTraceId } from "../id/sop-trace.ts";

export const sopTraceEn = {
  "sop.trace.kind.noSubtype": "{type} (no subtype)",
  "sop.trace.types.matches": "Incident type {kinds} matches {pattern}.",
  "sop.trace.types.unmatched": "Incident type {kinds} does not match {patterns}.",
  "sop.trace.severity": "Severity {severity}; the rule needs: {wanted}.",
  "sop.trace.severity.unknown": "Severity not given; the rule needs: {wanted}.",
  "sop.trace.casualties": {
    one: "{count} casualty; the rule needs: {wanted}.",
    other: "{count} casualties; the rule needs: {wanted}.",
  },
  "sop.trace.casualties.unknown": "Number of casualties not given; the rule needs: {wanted}.",
  "sop.trace.flags": "Situation at the scene: {flags}; the rule needs: {wanted}.",
  "sop.trace.flags.none": "No situation at the scene ticked; the rule needs: {wanted}.",
  "sop.trace.kecamatan": "The incident is in {kecamatan}; the rule applies {wanted}.",
  "sop.trace.kecamatan.unknown": "Kecamatan not given; the rule applies {wanted}.",
  "sop.trace.time": "Local time {weekday} {date}, {clock} {zone}; the rule needs: {wanted}.",
  "sop.trace.keywords": "The caller's description mentions {found}; the rule needs: {wanted}.",
  "sop.trace.keywords.none":
    "The caller's description mentions none of this rule's keywords; the rule needs: {wanted}.",
  "sop.trace.anyValue": "any value",
} as const satisfies Pick<Translation, keyof typeof sopTraceId>;
