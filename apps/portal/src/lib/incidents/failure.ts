import type { FailureOverrides } from "#lib/api/failure.ts";

/** A report refused because the agency's part is over or the incident is closed (CONFLICT), or the assignment is gone. */
export const reportFailures: FailureOverrides = {
  CONFLICT: "incidents.report.conflict",
  NOT_FOUND: "incidents.report.notFound",
};
