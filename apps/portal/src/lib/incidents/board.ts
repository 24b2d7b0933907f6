import { priorities } from "@sigap/sop-engine";
import { ackOverdue } from "./deadline.svelte.ts";
import type { BoardRow } from "./types.ts";
import { incidentStatuses } from "./words.ts";

/** The board's filter, as the page's URL carries it (`?view=closed&type=fire&q=pasar`). */
export interface BoardFilter {
  view: "open" | "closed" | "all";
  type: string;
  /** Part of the description or address, or the start of an incident's id; "" for no search. */
  q: string;
}

export function boardFilterOf(params: URLSearchParams): BoardFilter {
  const view = params.get("view");
  return {
    view: view === "closed" || view === "all" ? view : "open",
    type: params.get("type") ?? "",
    q: params.get("q")?.trim() ?? "",
  };
}

/** The filter's query (without `?`), leaving defaults out so the plain board has the plain URL. */
export function boardSearch(filter: BoardFilter): string {
  const params = new URLSearchParams();
  if (filter.view !== "open") params.set("view", filter.view);
  if (filter.type !== "") params.set("type", filter.type);
  if (filter.q.trim() !== "") params.set("q", filter.q.trim());
  return params.toString();
}

/** What the board and its CSV export ask the API for this filter. */
export function boardQuery(filter: BoardFilter) {
  return {
    view: filter.view,
    type: filter.type === "" ? null : filter.type,
    query: filter.q === "" ? null : filter.q,
  };
}

function rank(values: readonly string[], value: string | null): number {
  const index = value === null ? -1 : values.indexOf(value);
  return index === -1 ? values.length : index;
}

/**
 * The board's order: what waits for the operator first (new before dispatched before in
 * progress…), then the most urgent priority, then the newest. The API gives newest first; the
 * sort is stable, so that order holds within a status and priority.
 */
export function boardOrder(rows: readonly BoardRow[]): BoardRow[] {
  return [...rows].sort(
    (a, b) =>
      rank(incidentStatuses, a.status) - rank(incidentStatuses, b.status) ||
      rank(priorities, a.priority) - rank(priorities, b.priority),
  );
}

/** Still being worked: not closed or cancelled. */
export function isOpen(row: Pick<BoardRow, "status">): boolean {
  return row.status !== "closed" && row.status !== "cancelled";
}

/** Any agency of the row past its acknowledgement deadline, by the API's reading or since. */
export function rowOverdue(row: BoardRow, now: number): boolean {
  return row.overdue || row.assignments.some((assignment) => ackOverdue(assignment, now));
}
