import svelte from "eslint-plugin-svelte";
import globals from "globals";
import tseslint from "typescript-eslint";
import { baseConfig } from "./base.js";

/** Base rules plus Svelte 5 components, type-checked through the same project service. */
export function svelteConfig(tsconfigRootDir, svelteConfigObject) {
  return tseslint.config(
    ...baseConfig(tsconfigRootDir),
    ...svelte.configs.recommended,
    {
      languageOptions: { globals: globals.browser },
    },
    {
      files: ["**/*.svelte", "**/*.svelte.ts"],
      languageOptions: {
        parserOptions: {
          projectService: true,
          extraFileExtensions: [".svelte"],
          parser: tseslint.parser,
          svelteConfig: svelteConfigObject,
        },
      },
    },
  );
}
