import type { RouterOutputs } from "#lib/api/client.ts";
import { Submission } from "#lib/forms/submission.svelte.ts";
import type { Translator } from "#lib/i18n/index.ts";
import { failureMessage, type FailureOverrides } from "#lib/api/failure.ts";
import { reasonMessages } from "#lib/api/reason-message.ts";

type PublishResult = RouterOutputs["sop"]["publish"];
export type PublishCheck = PublishResult["check"];

/**
 * A publish through the server's gate, as the publish and rollback dialogs both make it: a change
 * note of at least 3 characters, then the call; a refusal keeps the dialog open and shows the
 * check (validation and test cases) that stopped it.
 */
export class GatedPublish {
  note = $state("");
  /** The check to show: set by a refusal (or, for publishing, read ahead). */
  check: PublishCheck | undefined = $state();
  readonly submission = new Submission();
  readonly #overrides: FailureOverrides;

  /** `overrides`: what a failure code means for this action (see `failureMessage`). */
  constructor(overrides: FailureOverrides = {}) {
    this.#overrides = overrides;
  }

  /** Sends the note with `send`; once published, clears the note and hands the new number to `done`. */
  async run(
    i18n: Translator,
    send: (note: string) => Promise<PublishResult>,
    done: (number: number) => Promise<void>,
  ): Promise<void> {
    if (this.note.trim().length < 3) {
      this.submission.show({ fields: { note: i18n.t("sop.publish.noteRequired") } });
      return;
    }
    await this.submission.submit(
      async () => {
        const result = await send(this.note.trim());
        if (!result.published) {
          this.check = result.check;
          this.submission.show({ form: i18n.t("sop.publish.blocked") });
          return;
        }
        this.note = "";
        await done(result.number);
      },
      {
        failed: (failure) => ({
          form: failureMessage(i18n, failure, this.#overrides),
          fields: reasonMessages(i18n, failure),
        }),
      },
    );
  }
}
