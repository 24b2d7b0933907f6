export type SortDirection = "ascending" | "descending";

/** Which column a table is sorted by; `column: null` is the order the rows came in. */
export interface SortState<Column extends string> {
  column: Column | null;
  direction: SortDirection;
}

/** How two rows compare by each sortable column, ascending. */
export type Comparators<Row, Column extends string> = Record<Column, (a: Row, b: Row) => number>;

/** Sorted copy; ties keep the order the rows came in, whichever the direction. */
export function sortRows<Row, Column extends string>(
  rows: readonly Row[],
  compare: Comparators<Row, Column>,
  state: SortState<Column>,
): Row[] {
  const { column } = state;
  if (column === null) return [...rows];
  const sign = state.direction === "ascending" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare[column](a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}

/**
 * The state after a click on `column`'s header: the same column turns round; a new one starts with
 * the leaders for figures and from A for names, as most people sort them.
 */
export function nextSort<Column extends string>(
  state: SortState<Column>,
  column: Column,
  numeric: boolean,
): SortState<Column> {
  if (state.column === column)
    return { column, direction: state.direction === "ascending" ? "descending" : "ascending" };
  return { column, direction: numeric ? "descending" : "ascending" };
}
