import type { PlainKey } from "#lib/i18n/index.ts";

/** The SOP pages below `/t/{slug}/sop`, in tab order; the editor is the root. */
export const sopTabs = [
  { path: "", label: "sop.tab.editor" },
  { path: "/simulator", label: "sop.tab.simulator" },
  { path: "/tests", label: "sop.tab.tests" },
  { path: "/agency-coverage", label: "sop.tab.coverage" },
  { path: "/versions", label: "sop.tab.versions" },
] as const satisfies readonly { path: string; label: PlainKey }[];
