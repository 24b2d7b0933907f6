import { goto } from "$app/navigation";
import { resolve } from "$app/paths";
import { browserApi } from "#lib/api/browser-api.ts";

/** Ends this session and returns to the home page with every layout reloaded as signed out. */
export async function signOut(): Promise<void> {
  try {
    await browserApi().auth.signOut.mutate();
  } catch {
    // Already signed out (expired or revoked session): the outcome the person asked for.
  }
  await goto(resolve(""), { invalidateAll: true });
}
