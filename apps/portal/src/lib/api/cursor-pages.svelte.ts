import { apiFailure, type ApiFailure } from "./error.ts";

/** A page of a list the API reads by keyset: `nextCursor`, when not null, asks for the next one. */
export interface CursorPage<Row> {
  rows: Row[];
  nextCursor: string | null;
}

/**
 * A list read a page at a time: the page's data brings the first page, `loadMore` appends the
 * next. `refresh` reads again from the top as many rows as are shown (a live view calls it when
 * the list changed), so what is shown stays one unbroken run of the list: no row twice, none
 * skipped between pages.
 */
export class CursorPages<Row> {
  rows: Row[] = $state.raw([]);
  nextCursor: string | null = $state(null);
  /** A further page is on its way. */
  loading = $state(false);
  /** Why the last page asked for did not come. */
  failure: ApiFailure | undefined = $state();
  readonly #read: (cursor: string | undefined) => Promise<CursorPage<Row>>;
  /** Counts the refreshes applied: a page asked for before one would not follow what is shown. */
  #version = 0;
  #refreshing: Promise<void> | undefined;
  /** Refreshes asked for, and how many of them the last one read covers. */
  #refreshesAsked = 0;
  #refreshesDone = 0;

  constructor(
    first: CursorPage<Row>,
    read: (cursor: string | undefined) => Promise<CursorPage<Row>>,
  ) {
    this.rows = first.rows;
    this.nextCursor = first.nextCursor;
    this.#read = read;
  }

  /**
   * Appends the next page. A refresh that lands meanwhile (a live view's change, or its first
   * message on connecting) replaces the rows, so the page asked for no longer follows them: it is
   * asked again after the refreshed rows rather than dropped, or the person's request would be lost.
   */
  async loadMore(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.failure = undefined;
    try {
      for (;;) {
        const version = this.#version;
        const cursor = this.nextCursor;
        if (cursor === null) return;
        const page = await this.#read(cursor);
        if (version !== this.#version) continue;
        this.rows = [...this.rows, ...page.rows];
        this.nextCursor = page.nextCursor;
        return;
      }
    } catch (cause) {
      this.failure = apiFailure(cause);
    } finally {
      this.loading = false;
    }
  }

  /** Reads the shown rows again; changes that come while it runs make it run once more, not once each. */
  refresh(): Promise<void> {
    this.#refreshesAsked += 1;
    this.#refreshing ??= this.#refreshUntilCurrent();
    return this.#refreshing;
  }

  async #refreshUntilCurrent(): Promise<void> {
    try {
      while (this.#refreshesDone < this.#refreshesAsked) {
        const asked = this.#refreshesAsked;
        await this.#readShown();
        this.#refreshesDone = asked;
      }
    } finally {
      this.#refreshing = undefined;
    }
  }

  /** Reads again from the top as many rows as are shown, and as many more as a page appended meanwhile. */
  async #readShown(): Promise<void> {
    for (;;) {
      const shown = this.rows.length;
      const rows: Row[] = [];
      let cursor: string | null = null;
      try {
        do {
          const page: CursorPage<Row> = await this.#read(cursor ?? undefined);
          rows.push(...page.rows);
          cursor = page.nextCursor;
        } while (cursor !== null && rows.length < shown);
      } catch (cause) {
        // The rows shown stay as they were; the next change reads them again.
        this.failure = apiFailure(cause);
        return;
      }
      if (this.rows.length > shown) continue;
      this.#version += 1;
      this.rows = rows;
      this.nextCursor = cursor;
      this.failure = undefined;
      return;
    }
  }
}
