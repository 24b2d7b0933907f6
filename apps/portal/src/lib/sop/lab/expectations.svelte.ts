import { agencyTypes, priorities, type Priority } from "@sigap/sop-engine";
import { targetKey, targetOfKey } from "./catalogue.ts";
import type { Expectations } from "./types.ts";

/** An agency the plan must notify; `target` is the plan's key (`type:damkar`, `agency:<id>`). */
export interface NotifyRow {
  id: number;
  target: string;
  /** `primary`, `support`, or blank for either. */
  role: string;
  atLeast: string;
  atMost: string;
}

/** An agency the plan must not notify. */
export interface AbsentRow {
  id: number;
  target: string;
}

function isPriority(value: string): value is Priority {
  return (priorities as readonly string[]).includes(value);
}

function isRole(value: string): value is "primary" | "support" {
  return value === "primary" || value === "support";
}

/** Minutes as typed: blank is no bound; anything but a whole number is NaN, for the API to name. */
function bound(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The expectations of a test case being written: rows the form adds and removes. */
export class ExpectationsDraft {
  notify: NotifyRow[] = $state([]);
  notNotify: AbsentRow[] = $state([]);
  /** A priority, or blank when the case does not check it. */
  priority = $state("");
  #nextId = 0;

  constructor(expectations?: Expectations) {
    for (const entry of expectations?.notify ?? []) {
      const { role, ackWithinMinutes } = entry;
      this.notify.push({
        id: this.#nextId++,
        target: targetKey(entry),
        role: role ?? "",
        atLeast: ackWithinMinutes?.atLeast === undefined ? "" : String(ackWithinMinutes.atLeast),
        atMost: ackWithinMinutes?.atMost === undefined ? "" : String(ackWithinMinutes.atMost),
      });
    }
    for (const entry of expectations?.notNotify ?? [])
      this.notNotify.push({ id: this.#nextId++, target: targetKey(entry) });
    this.priority = expectations?.priority ?? "";
  }

  /** A new row starts on the first agency type neither list names yet. */
  #unusedTarget(): string {
    const used = [...this.notify, ...this.notNotify].map((row) => row.target);
    return (
      agencyTypes.map((type) => `type:${type.code}`).find((key) => !used.includes(key)) ??
      "type:damkar"
    );
  }

  addNotify(): void {
    this.notify.push({
      id: this.#nextId++,
      target: this.#unusedTarget(),
      role: "",
      atLeast: "",
      atMost: "",
    });
  }

  addNotNotify(): void {
    this.notNotify.push({ id: this.#nextId++, target: this.#unusedTarget() });
  }

  removeNotify(id: number): void {
    this.notify = this.notify.filter((row) => row.id !== id);
  }

  removeNotNotify(id: number): void {
    this.notNotify = this.notNotify.filter((row) => row.id !== id);
  }

  value(): Expectations {
    const notify = this.notify.map((row) => {
      const atLeast = bound(row.atLeast);
      const atMost = bound(row.atMost);
      const minutes = {
        ...(atLeast === undefined ? {} : { atLeast }),
        ...(atMost === undefined ? {} : { atMost }),
      };
      return {
        ...targetOfKey(row.target),
        ...(isRole(row.role) ? { role: row.role } : {}),
        ...(Object.keys(minutes).length === 0 ? {} : { ackWithinMinutes: minutes }),
      };
    });
    return {
      ...(notify.length === 0 ? {} : { notify }),
      ...(this.notNotify.length === 0
        ? {}
        : { notNotify: this.notNotify.map((row) => targetOfKey(row.target)) }),
      ...(isPriority(this.priority) ? { priority: this.priority } : {}),
    };
  }
}
