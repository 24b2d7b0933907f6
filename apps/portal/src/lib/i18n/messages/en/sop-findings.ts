import type { Translation } from "../../types.ts";
import type { sopFindingsId } from "../id/sop-findings.ts";

export const sopFindingsEn = {
  "sop.finding.invalid_json": "{file} is not valid JSON.",

  "sop.finding.schema.invalid_type": "This must be {expected}.",
  "sop.finding.schema.invalid_type_other": "This is the wrong kind of value.",
  "sop.finding.schema.expected.string": "text",
  "sop.finding.schema.expected.number": "a number",
  "sop.finding.schema.expected.int": "a whole number",
  "sop.finding.schema.expected.boolean": "yes or no (true/false)",
  "sop.finding.schema.expected.array": "a list",
  "sop.finding.schema.expected.object": "an object",
  "sop.finding.schema.expected.date": "a date and time",
  "sop.finding.schema.tooShort": {
    one: "Write at least {count} character.",
    other: "Write at least {count} characters.",
  },
  "sop.finding.schema.tooFew": {
    one: "Give at least {count} item.",
    other: "Give at least {count} items.",
  },
  "sop.finding.schema.tooSmall": "The value must be at least {minimum}.",
  "sop.finding.schema.notAbove": "The value must be more than {minimum}.",
  "sop.finding.schema.tooLong": {
    one: "Write at most {count} character.",
    other: "Write at most {count} characters.",
  },
  "sop.finding.schema.tooMany": {
    one: "Give at most {count} item.",
    other: "Give at most {count} items.",
  },
  "sop.finding.schema.tooBig": "The value must be at most {maximum}.",
  "sop.finding.schema.notBelow": "The value must be less than {maximum}.",
  "sop.finding.schema.invalid_format": "The format is not right.",
  "sop.finding.schema.invalidDate": "Write the date as YYYY-MM-DD, e.g. 2025-08-17.",
  "sop.finding.schema.not_multiple_of": "The value must be a multiple of {divisor}.",
  "sop.finding.schema.unrecognized_keys": "Unknown field \u201c{key}\u201d.",
  "sop.finding.schema.invalid_value": "Choose one of: {values}.",
  "sop.finding.schema.other": "This value is not valid.",
  "sop.finding.check.fallback_without_target": "A fallback needs a phone number or an agency.",
  "sop.finding.check.lead_not_primary": "Only a primary agency can lead the scene.",
  "sop.finding.check.type_and_types":
    "Give one incident type or a list of incident types, not both.",
  "sop.finding.check.type_missing": "The incident type is required.",
  "sop.finding.check.subtype_outside_type": "The subtype must belong to the incident type.",
  "sop.finding.check.kind_repeated": "{kind} is already listed; name each kind once.",
  "sop.finding.check.moment.format":
    "Write the date and time with its time zone, e.g. 2025-08-17T21:30:00+07:00.",
  "sop.finding.check.moment.offset_missing":
    "The time names no zone: add Z for UTC or the zone's offset, e.g. +07:00.",
  "sop.finding.check.moment.offset":
    "The time zone offset is not valid; offsets run from -14:00 to +14:00.",
  "sop.finding.check.moment.time":
    "That time does not exist; write 00:00–23:59 (midnight is 00:00 of the next day).",
  "sop.finding.check.moment.date": "That date is not on the calendar.",
  "sop.finding.check.ack_bounds_reversed":
    "The latest bound must not be less than the earliest bound.",
  "sop.finding.check.expectation_missing":
    "Add at least one expectation: agencies that must be sent, agencies that must not be sent, or the priority.",
  "sop.finding.check.expectation_contradicted":
    "{agency} is also in the list of agencies that must be sent, so this test case can never pass.",

  "sop.finding.rules.one": "rule {rules}",
  "sop.finding.rules.other": "rules {rules}",
  "sop.finding.duplicate_rule_id": "Rule id \u201c{ruleId}\u201d is already used by rule {number}.",
  "sop.finding.notAType": "\u201c{type}\u201d is not a national incident type.",
  "sop.finding.invalid_local_subtype.national_subtype":
    "\u201c{subtype}\u201d already exists as a national subtype.",
  "sop.finding.invalid_local_subtype.declared_twice": "\u201c{subtype}\u201d is declared twice.",
  "sop.finding.unknown_incident_type.not_a_subtype":
    "\u201c{pattern}\u201d is neither a national nor a regional subtype.",
  "sop.finding.unknown_incident_type.unlisted_type":
    "Incident type \u201c{type}\u201d is not in the catalogue; only rules without an incident type condition can match.",
  "sop.finding.unknown_incident_type.unlisted_subtype":
    "Subtype \u201c{subtype}\u201d is unknown; only rules for {type} can match.",
  "sop.finding.unknown_agency_type.in_rule":
    "\u201c{agencyType}\u201d is not a national agency type.",
  "sop.finding.unknown_agency_type.of_region_agency":
    "Regional agency \u201c{agency}\u201d has type \u201c{agencyType}\u201d, which is not a national agency type, so it is never sent by type.",
  "sop.finding.unknown_agency_type.suggestion": "Did you mean \u201c{suggestion}\u201d ({name})?",
  "sop.finding.unknown_agency": "There is no agency \u201c{agencyId}\u201d in this region.",
  "sop.finding.absence.no_active_agency_of_type": "this region has no active agency of this type",
  "sop.finding.absence.not_in_region": "that agency is not registered in this region",
  "sop.finding.absence.inactive": "that agency is inactive",
  "sop.finding.agency_type_not_available": "{agency} reaches nobody: {absence}.",
  "sop.finding.agency_type_not_available.senders": "Sent without a fallback by {rules}.",
  "sop.finding.agency_type_not_available.backups": "Named as an escalation backup by {rules}.",
  "sop.finding.uncovered_agency":
    "{type} ({priority}) sends {agency} as the primary agency, but {absence}, and no fallback is named by {rules}. Register an active agency or name a fallback, such as a national emergency number.",
  "sop.finding.kecamatan_not_covered":
    "No active agency for {agency} covers kecamatan {kecamatan}: {types} incidents there reach nobody. Extend an agency's coverage or name a fallback.",
  "sop.finding.unknown_official.unknown_role":
    "\u201c{official}\u201d is not a known official role.",
  "sop.finding.unknown_official.no_contact": "No contact is registered for {official}.",
  "sop.finding.unknown_kecamatan": "Kecamatan {kecamatan} is not in this region.",
  "sop.finding.invalid_suppression.self": "A rule cannot switch itself off.",
  "sop.finding.invalid_suppression.unknown_rule":
    "There is no rule \u201c{target}\u201d to switch off.",
  "sop.finding.suppression_cycle":
    "Rules \u201c{rule}\u201d and \u201c{target}\u201d switch each other off through a chain of rules; when all of them match, none takes effect.",
  "sop.finding.time_zone_mismatch":
    "This region uses {region}, but the SOP uses {ruleset}; the rules' time conditions would be off.",
  "sop.finding.never_matches": "Rule \u201c{rule}\u201d never matches: {reason}.",
  "sop.finding.never_matches.severity_range":
    "the severity cannot be at least {atLeast} and at most {atMost}",
  "sop.finding.never_matches.casualties_range":
    "the casualties cannot be at least {atLeast} and at most {atMost}",
  "sop.finding.never_matches.flags_required_and_excluded":
    "these flags are both required and excluded: {flags}",
  "sop.finding.never_matches.flags_any_excluded":
    "every flag in \u201cany of these flags\u201d is also excluded",
  "sop.finding.never_matches.kecamatan_all_excluded": "every kecamatan chosen is also excluded",
  "sop.finding.never_matches.hours_empty": "every hour window is empty (it starts when it ends)",
  "sop.finding.never_matches.dates_reversed": "every date range ends before it starts",
  "sop.finding.never_matches.keywords_without_letters": "no keyword contains a letter or a digit",
  "sop.finding.never_matches.keywords_all_excluded": "every keyword contains an excluded keyword",
  "sop.finding.never_matches.kecamatan_outside_region":
    "none of its kecamatan belongs to this region",
  "sop.finding.shadowed_rule.suppressed":
    "Rule \u201c{rule}\u201d never takes effect: it is always switched off by {rules}, matching whenever it does.",
  "sop.finding.shadowed_rule.subsumed":
    "Rule \u201c{rule}\u201d adds nothing: everything it plans is already planned by {rules}, matching whenever it does.",
  "sop.finding.escalation_loop.self": "The backup for {agency} is {agency} itself.",
  "sop.finding.escalation_loop.cycle":
    "Backing up {agency} with {backup} leads back to {agency} through other backup steps.",
  "sop.finding.escalation_before_deadline":
    "This step runs after {after}, before the acknowledgement deadline of {deadline} is over.",
  "sop.finding.escalation_target_never_dispatched":
    "No rule sends {agency}, so this step never runs.",
  "sop.finding.primary_without_escalation.lifeThreatening":
    "Nothing follows when {agency} does not acknowledge a possibly life-threatening incident: add an escalation step for it (or for any agency) to this rule or to a rule that always matches with it.",
  "sop.finding.primary_without_escalation":
    "Nothing follows when {agency} does not acknowledge: add an escalation step for it (or for any agency) to this rule or to a rule that always matches with it.",
  "sop.finding.uncovered_p1_type": "No rule sends any agency for {type}, a P1 incident type.",
  "sop.finding.conditionally_covered_p1_type":
    "Only some {type} incidents get agencies; add a rule for {pattern} without other conditions.",
  "sop.finding.deadline_out_of_range.default_ack":
    "The default acknowledgement deadline must be {min}–{max} minutes, not {minutes}.",
  "sop.finding.deadline_out_of_range.ack":
    "Acknowledgement deadlines must be {min}–{max} minutes, not {minutes}.",
  "sop.finding.deadline_out_of_range.escalation":
    "Escalation steps must come {min}–{max} minutes after dispatch, not {minutes}.",
  "sop.finding.slow_p1_deadline":
    "A P1 primary agency given {minutes} to acknowledge cannot meet the response target of {target}.",
  "sop.finding.conflicting_text.checklist":
    "Rule \u201c{rule}\u201d words question \u201c{key}\u201d differently; when both match, that rule's text is used.",
  "sop.finding.conflicting_text.advice":
    "Rule \u201c{rule}\u201d words advice \u201c{key}\u201d differently; when both match, that rule's text is used.",
  "sop.finding.no_matching_rule": "No SOP rule matches this incident; choose the agencies by hand.",
  "sop.finding.no_primary_agency":
    "The matching rules name only support agencies; choose the agency that leads.",
  "sop.finding.unserved_agency.kecamatan":
    "No active agency for {agency} covers kecamatan {kecamatan}, and no rule names a fallback; find help by hand.",
  "sop.finding.unserved_agency.region":
    "No active agency for {agency} in this region, and no rule names a fallback; find help by hand.",

  "sop.failure.not_notified":
    "{agency} was expected to be sent, but the plan does not send it; it sends {agencies}.",
  "sop.failure.not_notified.none":
    "{agency} was expected to be sent, but the plan sends no agency.",
  "sop.failure.wrong_role":
    "{agency} was expected in the {expected} role; the plan sends it in the {actual} role.",
  "sop.failure.ack_below_minimum":
    "{agency} was expected to get at least {atLeast} to acknowledge; the plan gives it {given}.",
  "sop.failure.ack_above_maximum":
    "{agency} was expected to acknowledge within at most {atMost}; the plan gives it {given}.",
  "sop.failure.notified":
    "{agency} was expected not to be sent, but the plan sends it in the {role} role.",
  "sop.failure.wrong_priority": "Expected priority {expected}; the plan gives {actual}.",

  "sop.place.rule": "Rule \u201c{name}\u201d",
  "sop.place.ruleNumber": "Rule {number}",
  "sop.place.type": "Incident type {number}",
  "sop.place.agency": "Agency {number}",
  "sop.place.step": "Escalation step {number}",
  "sop.place.question": "Question {number}",
  "sop.place.advice": "Advice {number}",
  "sop.place.suppressed": "Switched-off rule {number}",
  "sop.place.localSubtype": "Regional incident type {number}",
} as const satisfies Pick<Translation, keyof typeof sopFindingsId>;
