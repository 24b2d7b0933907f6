import type { RouterOutputs } from "#lib/api/client.ts";

export type AuditPage = RouterOutputs["audit"]["list"];
export type AuditRow = AuditPage["rows"][number];
