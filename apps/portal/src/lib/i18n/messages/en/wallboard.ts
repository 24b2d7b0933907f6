import type { Translation } from "../../types.ts";
import type { callSettingsId, wallboardId } from "../id/wallboard.ts";

export const wallboardEn = {
  "wallboard.nav": "Supervisor wallboard",
  "wallboard.navDescription":
    "Today's answering speed, calls waiting, operators on seat, and reports.",
  "wallboard.pageTitle": "Supervisor wallboard",
  "wallboard.intro":
    "Today's figures since midnight in the region. Waiting calls update live, the rest every 5 seconds.",
  "wallboard.loadFailed": "The figures could not be loaded; trying again shortly.",
  "wallboard.waiting": "Calls waiting",
  "wallboard.longestWait": "Longest wait",
  "wallboard.within10": "Answered ≤ 10 s",
  "wallboard.within10Target": "NFPA 1225 target: 90%",
  "wallboard.within15": "Answered ≤ 15 s",
  "wallboard.medianAnswer": "Median answer time",
  "wallboard.offered": "Calls offered",
  "wallboard.answered": "Answered",
  "wallboard.abandoned": "Hung up before answer",
  "wallboard.prankShare": "Prank share",
  "wallboard.mix": "Today's classifications",
  "wallboard.seats": "Operators on seat",
  "wallboard.operator": "Operator",
  "wallboard.state": "State",
  "wallboard.medianTalk": "Median talk time",
  "wallboard.onCall": "On a call ({duration})",
  "wallboard.free": "Ready",
  "wallboard.noSeats": "No operator sits at a seat yet.",
  "report.title": "Call report",
  "report.from": "From",
  "report.to": "To",
  "report.show": "Show",
  "report.csv": "Download CSV",
  "report.csvFailed": "The CSV could not be made. Try again.",
  "report.day": "Day",
  "report.total": "Total",
  "report.error.from": "Choose a date that exists.",
  "report.error.to":
    "The end may not be before the start, and the range may span at most 366 days.",
} as const satisfies Pick<Translation, keyof typeof wallboardId>;

export const callSettingsEn = {
  "callSettings.nav": "Call settings",
  "callSettings.navDescription":
    "How long call data is kept, and when a prank caller is suggested for blocking.",
  "callSettings.pageTitle": "Call settings",
  "callSettings.intro":
    "Callers' numbers and locations are personal data: keep them only as long as needed.",
  "callSettings.loadFailed": "The settings could not be loaded. Reload the page.",
  "callSettings.retention": "Keep call data (days)",
  "callSettings.retentionHint": "Older calls are deleted every hour. 30 to 3,650 days.",
  "callSettings.afterCalls": "Suggest a block at prank call number",
  "callSettings.afterCallsHint":
    "The call panel suggests a block when a number reaches this count. 2 to 20.",
  "callSettings.withinHours": "Within (hours)",
  "callSettings.withinHoursHint": "Only prank calls within this span count. 1 to 720 hours.",
  "callSettings.save": "Save settings",
  "callSettings.saved": "Call settings saved.",
  "callSettings.unsaved": "There are unsaved changes.",
  "callSettings.error.retention": "Enter 30 to 3,650 days.",
  "callSettings.error.afterCalls": "Enter 2 to 20 calls.",
  "callSettings.error.withinHours": "Enter 1 to 720 hours.",
} as const satisfies Pick<Translation, keyof typeof callSettingsId>;
