import { browserApi } from "#lib/auth/browser-api.ts";
import type { RegionChoice } from "./types.ts";

const debounceMs = 250;
const minimumLength = 2;

/**
 * The region picker's search: debounced, and only the newest answer counts, so a slow reply to
 * "sid" cannot overwrite the one to "sidoarjo".
 */
export class RegionSearch {
  results: RegionChoice[] = $state([]);
  state: "idle" | "searching" | "done" | "failed" = $state("idle");
  #timer: ReturnType<typeof setTimeout> | undefined;
  #latest = 0;

  search(query: string): void {
    clearTimeout(this.#timer);
    const trimmed = query.trim();
    const asked = ++this.#latest;
    if (trimmed.length < minimumLength) {
      this.results = [];
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
      const results = await browserApi().tenants.regions.query({ query, limit: 20 });
      if (asked !== this.#latest) return;
      this.results = results;
      this.state = "done";
    } catch {
      if (asked !== this.#latest) return;
      this.results = [];
      this.state = "failed";
    }
  }
}
