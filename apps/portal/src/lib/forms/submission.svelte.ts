import { apiFailure, type ApiFailure } from "#lib/api/error.ts";
import { focusFirstInvalid } from "./focus.ts";

/** What a form shows for a failed call: a sentence for the whole form and/or messages by field. */
export interface Shown {
  form?: string | undefined;
  /** Field path (`password`, `code`) → the message under that field. */
  fields?: Record<string, string> | undefined;
}

export interface SubmitOptions {
  /** The form's own reading of the API's failure (a page's expected codes first). */
  failed: (failure: ApiFailure) => Shown | Promise<Shown>;
  /** After a failure, focus the first invalid field of `form`, else `fallback` (a selector in it). */
  focus?: { form: HTMLFormElement | undefined; fallback?: string } | undefined;
  /** Success is a full page load: the form stays busy until the next page replaces it. */
  leaves?: boolean | undefined;
}

/** One form's round trip to the API: busy while it runs, then the errors it came back with. */
export class Submission {
  submitting = $state(false);
  formError: string | undefined = $state();
  fieldErrors: Record<string, string> = $state({});

  /** Shows errors found before any call (fields that disagree), replacing the previous ones. */
  show(shown: Shown): void {
    this.formError = shown.form;
    this.fieldErrors = shown.fields ?? {};
  }

  clear(): void {
    this.show({});
  }

  /** Runs `action` (the call and what follows success); anything it throws is shown, not rethrown. */
  async submit(action: () => Promise<unknown>, options: SubmitOptions): Promise<void> {
    this.submitting = true;
    this.clear();
    try {
      await action();
    } catch (cause) {
      this.show(await options.failed(apiFailure(cause)));
      // Re-enabled first: a disabled field cannot take the focus.
      this.submitting = false;
      if (options.focus) await focusFirstInvalid(options.focus.form, options.focus.fallback);
      return;
    }
    if (!options.leaves) this.submitting = false;
  }
}
