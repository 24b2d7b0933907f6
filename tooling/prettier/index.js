/** @type {import("prettier").Config} */
export default {
  printWidth: 100,
  // Resolved here, where it is a dependency: prettier would look for a bare name from the
  // directory it runs in (the repository root), which does not depend on the plugin.
  plugins: [import.meta.resolve("prettier-plugin-svelte")],
  overrides: [{ files: "*.svelte", options: { parser: "svelte" } }],
};
