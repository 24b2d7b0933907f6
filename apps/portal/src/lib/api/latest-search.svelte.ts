const debounceMs = 250;

/**
 * A search run as someone types: debounced, and only the newest answer counts, so a slow reply to
 * "sid" cannot overwrite the one to "sidoarjo". A query shorter than `minimumLength` asks nothing.
 */
export class LatestSearch<Answer> {
  answer: Answer | undefined = $state();
  state: "idle" | "searching" | "done" | "failed" = $state("idle");
  readonly #ask: (query: string) => Promise<Answer>;
  readonly #minimumLength: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #latest = 0;

  constructor(ask: (query: string) => Promise<Answer>, minimumLength = 0) {
    this.#ask = ask;
    this.#minimumLength = minimumLength;
  }

  search(query: string): void {
    clearTimeout(this.#timer);
    const trimmed = query.trim();
    const asked = ++this.#latest;
    if (trimmed.length < this.#minimumLength) {
      this.answer = undefined;
      this.state = "idle";
      return;
    }
    this.state = "searching";
    this.#timer = setTimeout(() => {
      void this.#run(trimmed, asked);
    }, debounceMs);
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#latest++;
  }

  async #run(query: string, asked: number): Promise<void> {
    try {
      const answer = await this.#ask(query);
      if (asked !== this.#latest) return;
      this.answer = answer;
      this.state = "done";
    } catch {
      if (asked !== this.#latest) return;
      this.answer = undefined;
      this.state = "failed";
    }
  }
}
