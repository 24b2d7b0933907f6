/** A random Indonesian landline, so parallel files and reruns never fight over a number. */
export function freshDid(): string {
  return `+6231${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}
