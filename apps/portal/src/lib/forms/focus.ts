import { tick } from "svelte";

/**
 * After a failed submit, keyboard and screen-reader users land on what needs fixing: the first
 * invalid field, else `fallback` (a selector inside the form), since the disabled submit button
 * they pressed has lost focus.
 */
export async function focusFirstInvalid(
  form: HTMLFormElement | undefined,
  fallback?: string,
): Promise<void> {
  await tick();
  const target =
    form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    (fallback ? form?.querySelector<HTMLElement>(fallback) : null);
  target?.focus();
}
