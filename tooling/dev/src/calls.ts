// `npm run calls -- <tenant slug> [options]`: simulated 112 calls for a tenant of the stack that
// `npm start` runs (start it first, in another terminal). Options: see apps/api/src/cli/simulate-calls.ts.
import { runCallSimulator } from "./call-simulator.ts";
import { readStartConfig } from "./env.ts";

try {
  await runCallSimulator(readStartConfig(), process.argv.slice(2));
} catch {
  // The simulator has said why.
  process.exit(1);
}
