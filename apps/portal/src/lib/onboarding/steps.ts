import type { PlainKey } from "#lib/i18n/index.ts";
import type { Checklist, ChecklistKey } from "./types.ts";

export const stepKeys = ["branding", "agencies", "trunks", "sop", "staff", "go-live"] as const;
export type StepKey = (typeof stepKeys)[number];

/** A wizard step: its page below `/t/{slug}/onboarding` and the checklist items that make it done. */
export interface Step {
  key: StepKey;
  label: PlainKey;
  /** Done when all of these pass; the go-live step is done once the tenant has launched. */
  items: readonly ChecklistKey[];
}

export const steps: readonly Step[] = [
  { key: "branding", label: "onboarding.step.branding", items: ["branding"] },
  { key: "agencies", label: "onboarding.step.agencies", items: ["agencies"] },
  { key: "trunks", label: "onboarding.step.trunks", items: ["trunk"] },
  { key: "sop", label: "onboarding.step.sop", items: ["sop"] },
  { key: "staff", label: "onboarding.step.staff", items: ["operators", "supervisor"] },
  { key: "go-live", label: "onboarding.step.goLive", items: [] },
];

/** The step where an item is worked on. */
export function stepOf(key: ChecklistKey): Step {
  const step = steps.find((candidate) => candidate.items.includes(key));
  if (!step) throw new Error(`no wizard step works on the checklist item ${key}`);
  return step;
}

export function isStepDone(step: Step, checklist: Checklist): boolean {
  if (step.key === "go-live") return checklist.launchedAt !== null;
  return step.items.every((key) => checklist.items.some((item) => item.key === key && item.ok));
}

/** Where someone coming back to the wizard picks up: the first step not yet done. */
export function resumeStep(checklist: Checklist): StepKey {
  return steps.find((step) => !isStepDone(step, checklist))?.key ?? "go-live";
}

/** The steps either side of `key`, for "Kembali" and "Lanjut". */
export function neighbours(key: StepKey): { previous: Step | undefined; next: Step | undefined } {
  const index = steps.findIndex((step) => step.key === key);
  return { previous: steps[index - 1], next: steps[index + 1] };
}

export function isStepKey(value: string): value is StepKey {
  return (stepKeys as readonly string[]).includes(value);
}
