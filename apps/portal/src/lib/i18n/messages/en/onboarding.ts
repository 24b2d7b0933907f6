import type { Translation } from "../../types.ts";
import type { onboardingId } from "../id/onboarding.ts";

export const onboardingEn = {
  "onboarding.nav": "Region setup",
  "onboarding.navDescription":
    "Branding, agencies, phone trunks, SOP, staff and taking the 112 service live.",
  "onboarding.title": "Setting up the 112 service",
  "onboarding.intro":
    "The steps that take {tenant} to a running 112 service. Each step saves on its own; you can stop and pick up again at any time.",
  "onboarding.back": "Back",
  "onboarding.next": "Next",

  "onboarding.steps.title": "Steps",
  "onboarding.steps.navLabel": "Move between steps",
  "onboarding.steps.progress": "{done} of {total} steps done",
  "onboarding.steps.done": "Done",
  "onboarding.steps.open": "Not done",
  "onboarding.step.branding": "Branding",
  "onboarding.step.agencies": "Agencies",
  "onboarding.step.trunks": "Phone trunks",
  "onboarding.step.sop": "SOP",
  "onboarding.step.staff": "Staff",
  "onboarding.step.goLive": "Go live",

  "onboarding.card.title": "Finish onboarding",
  "onboarding.card.body":
    "This region's 112 service is not running yet. Complete the setup steps, then take it live.",
  "onboarding.card.link": "Finish onboarding",

  "onboarding.branding.intro":
    "Your region's name, logo and colours appear in the portal and in email Sigap 112 sends on its behalf.",
  "onboarding.branding.laterLink": "Branding page (for later changes)",
  "onboarding.agencies.intro":
    "The agencies that receive dispatches: fire brigade, BPBD, PSC 119, police and more, each with contacts that can be reached.",
  "onboarding.agencies.caption": "This region's agencies",
  "onboarding.agencies.name": "Agency",
  "onboarding.agencies.type": "Type",
  "onboarding.agencies.contacts": "Contacts",
  "onboarding.agencies.none": "No agencies yet. Add the standard set or import them from CSV.",
  "onboarding.trunks.intro":
    "The carrier phone lines that bring 112 calls into your region's call centre.",
  "onboarding.trunks.added": "Trunk {name} saved.",
  "onboarding.sop.intro":
    "The SOP decides which agencies are assigned to each kind of incident. Start from the national template: it is copied into your region's SOP draft, which you can adapt, test and then publish.",
  "onboarding.sop.noneChosen": "No SOP template chosen yet.",
  "onboarding.sop.chosenAt": "SOP template chosen on {date}.",
  "onboarding.sop.templateHint": "Drawn up nationally; a copy becomes your region's SOP draft.",
  "onboarding.sop.choose": "Use {name}",
  "onboarding.sop.chosen": "{name} chosen as the region's SOP.",
  "onboarding.sop.empty": "No SOP templates are available yet.",
  "onboarding.sop.draftReady":
    "The region's SOP draft has been created from the template. Review and adapt it in the SOP editor, or publish its first version now.",
  "onboarding.sop.published": "SOP version {number} is published and used for dispatch.",
  "onboarding.sop.openEditor": "Open the SOP editor",
  "onboarding.sop.publishFirst": "Publish the first version…",
  "onboarding.staff.intro":
    "Invite operators, supervisors and agency responders. Going live needs at least two active operators and one active supervisor.",
  "onboarding.staff.caption": "Staff by role",
  "onboarding.staff.role": "Role",
  "onboarding.staff.active": "Active",
  "onboarding.staff.invited": "Pending invitations",

  "onboarding.import.title.agencies": "Import agencies and contacts from CSV",
  "onboarding.import.title.staff": "Invite staff from CSV",
  "onboarding.import.hint.agencies":
    "One row per contact; the agency columns repeat on each contact of the same agency. jenis_instansi: a national catalogue code (e.g. damkar, bpbd, psc119, polres). cakupan_kecamatan: kecamatan names or codes separated by semicolons, empty for the whole region. jenis_kontak: telepon, whatsapp or email. An agency that exists already (same name) gets the new contacts.",
  "onboarding.import.hint.staff":
    "One row per person: email, peran (operator, supervisor, tenant_admin or agency_responder) and instansi (the agency's name, only for an agency_responder). Each person gets an invitation email, just like a single invitation, and types their own name when accepting.",
  "onboarding.import.template": "Download the CSV template",
  "onboarding.import.templateFailed": "The template could not be downloaded. Try again.",
  "onboarding.import.file": "CSV file",
  "onboarding.import.check": "Check the file",
  "onboarding.import.checking": "Checking…",
  "onboarding.import.apply": "Save all",
  "onboarding.import.applying": "Saving…",
  "onboarding.import.discard": "Discard",
  "onboarding.import.problems":
    "{count} problems found, so nothing has been saved. Fix the file and check it again.",
  "onboarding.import.problemsCaption": "Problems by row",
  "onboarding.import.row": "Row",
  "onboarding.import.column": "Column",
  "onboarding.import.problem": "Problem",
  "onboarding.import.problem.required": "Required.",
  "onboarding.import.problem.invalid": "Not in an accepted form.",
  "onboarding.import.problem.unknownValue": "“{value}” is not known in this region.",
  "onboarding.import.problem.unknownChoice": "“{value}” is not known. Choices: {accepted}.",
  "onboarding.import.problem.duplicateRow": "“{value}” is already on row {row}.",
  "onboarding.import.problem.duplicateSaved": "“{value}” is already saved in this region.",
  "onboarding.import.problem.conflictRow": "Differs from row {row} for the same agency.",
  "onboarding.import.problem.conflictSaved": "Differs from the agency as already saved.",
  "onboarding.import.problem.notForRole": "Only for agency responders, not for {role}.",
  "onboarding.import.file.unreadable":
    "This file cannot be read as CSV. Save it again from the spreadsheet as CSV.",
  "onboarding.import.file.empty":
    "This file is empty. Its first row must name the columns {expected}.",
  "onboarding.import.file.header": "The first row must name the columns {expected}.",
  "onboarding.import.file.missing": "Missing columns: {columns}.",
  "onboarding.import.file.unknown": "Unknown columns: {columns}.",
  "onboarding.import.file.noRows": "This file has only its header row, no data.",
  "onboarding.import.file.tooManyRows":
    "This file has {rows} rows; at most {maximum} rows are imported at once.",
  "onboarding.import.file.rowProblems": {
    one: "{count} problem was found while saving, so nothing was saved. Check the file again.",
    other: "{count} problems were found while saving, so nothing was saved. Check the file again.",
  },
  "onboarding.import.previewCaption": "Preview",
  "onboarding.import.readyAgencies":
    "The file is valid: {agencies} new agencies and {contacts} contacts will be saved together.",
  "onboarding.import.readyStaff": "The file is valid: {count} invitations will be sent together.",
  "onboarding.import.doneAgencies":
    "Import done: {agencies} new agencies and {contacts} contacts saved.",
  "onboarding.import.doneStaff": "{count} invitations sent.",
  "onboarding.import.new": "new",
  "onboarding.import.existing": "existing",
  "onboarding.import.email": "Email",
  "onboarding.import.role": "Role",
  "onboarding.import.agency": "Agency",
  "onboarding.import.contact": "Contact",

  "onboarding.check.ok": "Met",
  "onboarding.check.notOk": "Not met",
  "onboarding.check.branding": "Branding",
  "onboarding.check.trunk": "Phone trunk",
  "onboarding.check.agencies": "Agencies",
  "onboarding.check.operators": "Operators",
  "onboarding.check.supervisor": "Supervisor",
  "onboarding.check.sop": "SOP",
  "onboarding.check.brandingDone": "The region's display name, colours and logo are saved.",
  "onboarding.check.brandingMissing": "Not saved yet: {missing}.",
  "onboarding.check.part.name": "display name",
  "onboarding.check.part.colours": "colours",
  "onboarding.check.part.logo": "logo",
  "onboarding.check.trunkDone": {
    one: "{count} phone trunk is active.",
    other: "{count} phone trunks are active.",
  },
  "onboarding.check.trunkMissing": "No phone trunk is active yet; at least one is needed.",
  "onboarding.check.agenciesDone":
    "Every agency type the SOP dispatches ({count} types) has an active agency with a contact.",
  "onboarding.check.agenciesMissing": "No active agency with a contact yet for: {types}.",
  "onboarding.check.staffDone": "Active {role}s: {count} (at least {needed} needed).",
  "onboarding.check.staffMissing": "Active {role}s: only {count}; at least {needed} needed.",
  "onboarding.check.staffInvited": {
    one: "{count} person invited as {role} has not accepted yet; they count once they accept.",
    other: "{count} people invited as {role} have not accepted yet; they count once they accept.",
  },
  "onboarding.check.sopDone": "SOP version {number} is published.",
  "onboarding.check.sopNoTemplate": "No SOP template has been chosen yet.",
  "onboarding.check.sopUnpublished":
    "An SOP template is chosen, but its first version is not published yet.",
  "onboarding.check.fix": "Complete it in the {step} step",
  "onboarding.check.open": "Open the {step} step",

  "onboarding.goLive.intro":
    "Going live marks your region's 112 service as running and adds it to the national adoption count at once. Every item below must be met.",
  "onboarding.goLive.ready": "Every item is met. Your region is ready to go live.",
  "onboarding.goLive.notReady": "Going live is possible once every item above is met.",
  "onboarding.goLive.notAllowed": "Your role cannot take the region live.",
  "onboarding.goLive.overrideIntro":
    "Not every item is met. As a platform admin you may still take the region live with a written reason, kept in the audit log.",
  "onboarding.goLive.reasonLabel": "Reason for going live with items unmet",
  "onboarding.goLive.reasonHint":
    "Required, at most 1000 characters. Recorded in the region's audit log.",
  "onboarding.goLive.reasonRequired": "Write down the reason.",
  "onboarding.goLive.reasonInvalid":
    "The reason must be filled in and at most 1000 characters long.",
  "onboarding.goLive.submit": "Go live",
  "onboarding.goLive.submitOverride": "Go live with an exception",
  "onboarding.goLive.confirmTitle": "Start the 112 service of {tenant}?",
  "onboarding.goLive.confirmBody":
    "{tenant} will be recorded as live from now on and counted in the national adoption figures. This is recorded in the audit log.",
  "onboarding.goLive.confirmOverride": "Reason recorded:",
  "onboarding.goLive.confirm": "Yes, go live",
  "onboarding.goLive.done": "{tenant} is now live.",
  "onboarding.goLive.conflict":
    "Go-live refused: the checklist is not met or this region is no longer onboarding. Reload the page to see where it stands.",
  "onboarding.goLive.liveSince": "This region's 112 service has been live since {date}.",
  "onboarding.goLive.notOnboarding":
    "This region's status is {status}; only a region in onboarding can go live.",
  "onboarding.goLive.overriddenWith": "It went live with items unmet, for this reason:",

  "branding.pageTitle": "Branding",
  "branding.intro":
    "The name, logo and colours shown in your region's portal and in email sent on its behalf.",
  "branding.toOnboarding": "Back to region setup",
  "branding.formTitle": "Region branding",
  "branding.displayName.label": "Display name",
  "branding.displayName.hint": "3–120 characters, such as Kabupaten Sidoarjo.",
  "branding.primary.label": "Primary colour",
  "branding.primary.hint":
    "Format #rrggbb. White text on it needs a contrast of at least 4.5:1 (WCAG 2.1).",
  "branding.primary.picker": "Pick the primary colour",
  "branding.accent.label": "Accent colour",
  "branding.accent.hint":
    "Format #rrggbb. White text on it needs a contrast of at least 3:1 (WCAG 2.1).",
  "branding.accent.picker": "Pick the accent colour",
  "branding.colorSample": "White text",
  "branding.contrastOk": "White text contrast {ratio}:1, enough (at least {needed}:1).",
  "branding.contrastLow":
    "White text contrast only {ratio}:1; at least {needed}:1 is needed to be legible. Choose a darker colour.",
  "branding.logo.label": "Logo",
  "branding.logo.hint":
    "PNG, JPEG or SVG; at most {kib} KiB and {side}×{side} pixels. An SVG is cleaned of scripts before it is stored.",
  "branding.logo.none": "No logo yet",
  "branding.logo.previewSaved": "Saved logo",
  "branding.logo.previewChosen": "Preview of {name} (not saved yet)",
  "branding.logo.tooLarge": "This file is {size} KiB; at most {limit} KiB is allowed.",
  "branding.logo.unreadable": "This file cannot be read. Choose another one.",
  "branding.logo.remove": "Remove logo",
  "branding.logo.removeTitle": "Remove the logo?",
  "branding.logo.removeBody":
    "The region's portal and email will show the name only until a new logo is uploaded.",
  "branding.logo.removeConfirm": "Yes, remove the logo",
  "branding.logo.removed": "Logo removed.",
  "branding.error.displayName": "The display name must have 3–120 characters.",
  "branding.error.colorFormat": "Write the colour as #rrggbb, such as #b91c1c.",
  "branding.error.primaryContrast":
    "The primary colour is too light: white text on it needs a contrast of at least 4.5:1. Choose a darker colour.",
  "branding.error.accentContrast":
    "The accent colour is too light: white text on it needs a contrast of at least 3:1. Choose a darker colour.",
  "branding.error.logo": "Logo refused. Use a PNG, JPEG or SVG within the size limits.",
  "branding.error.logoUnsupported":
    "This file is not a PNG, JPEG or SVG image. Choose another file.",
  "branding.error.logoDimensions":
    "This image is {width}×{height} pixels; at most {side}×{side} pixels.",
  "branding.error.logoSvgDtd":
    "This SVG declares a DTD (entities), which is not accepted. Save it again without a DOCTYPE.",
  "branding.error.logoSvgEmpty": "Nothing is left of this SVG once its unsafe parts are removed.",
  "branding.save": "Save branding",
  "branding.saved": "Branding saved.",
  "branding.savedSanitised": {
    one: "Branding saved. {count} unsafe part was removed from the SVG.",
    other: "Branding saved. {count} unsafe parts were removed from the SVG.",
  },
  "branding.readOnly": "Your role can only view the branding.",
} as const satisfies Pick<Translation, keyof typeof onboardingId>;
