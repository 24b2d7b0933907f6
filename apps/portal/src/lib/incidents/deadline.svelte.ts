/** An agency that was notified and has not acknowledged by its deadline: the operator phones it. */
export function ackOverdue(
  assignment: { status: string; ackDeadline: string },
  now: number,
): boolean {
  return assignment.status === "notified" && Date.parse(assignment.ackDeadline) < now;
}

/** The moment deadlines are judged against, ticking while a page is open (a deadline passes without any change to refetch). */
export class Clock {
  now = $state(Date.now());

  /** Starts ticking; returns the stop, for `onMount` to hand back. */
  start(everyMs = 10_000): () => void {
    const timer = setInterval(() => {
      this.now = Date.now();
    }, everyMs);
    return () => {
      clearInterval(timer);
    };
  }
}
