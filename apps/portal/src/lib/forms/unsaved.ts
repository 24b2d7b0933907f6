import { beforeNavigate } from "$app/navigation";

/**
 * Asks before a navigation inside the portal leaves unsaved edits behind (a link, "Lanjut", the
 * back button), and has the browser ask before the tab closes or reloads. Call it while the
 * component is created; `question` is read when the person is about to leave.
 */
export function guardUnsavedEdits(isDirty: () => boolean, question: () => string): void {
  beforeNavigate((navigation) => {
    if (!isDirty()) return;
    if (navigation.type === "leave") navigation.cancel();
    else if (!confirm(question())) navigation.cancel();
  });
}
