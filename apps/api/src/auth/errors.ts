/** Attached as a TRPCError cause, so the client learns when it may try again. */
export class RetryAfter extends Error {
  readonly seconds: number;

  constructor(seconds: number) {
    super(`retry after ${seconds} s`);
    this.name = "RetryAfter";
    this.seconds = seconds;
  }
}
