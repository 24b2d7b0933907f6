import type { RouterOutputs } from "#lib/api/client.ts";

export type IncidentDetail = RouterOutputs["incidents"]["detail"];
export type IncidentStatus = IncidentDetail["status"];
export type Assignment = IncidentDetail["assignments"][number];
export type AssignmentStatus = Assignment["status"];
export type Delivery = IncidentDetail["deliveries"][number];
export type TimelineEntry = IncidentDetail["timeline"][number];
export type Proposal = RouterOutputs["incidents"]["proposal"];
export type BoardRow = RouterOutputs["incidents"]["board"]["rows"][number];
export type ResponderLinkView = RouterOutputs["responderLink"]["view"];
