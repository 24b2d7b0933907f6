// Shared lint rules: typed typescript-eslint rules, so unsafe code fails CI rather than review.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Rules every package shares; `tsconfigRootDir` is the package folder. */
export function baseConfig(tsconfigRootDir) {
  return tseslint.config(
    { ignores: ["**/build/**", "**/dist/**", "**/.svelte-kit/**", "**/drizzle/**"] },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    {
      languageOptions: {
        globals: globals.node,
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        "@typescript-eslint/consistent-type-imports": [
          "error",
          { fixStyle: "inline-type-imports" },
        ],
        "@typescript-eslint/no-non-null-assertion": "error",
        "@typescript-eslint/no-explicit-any": "error",
        "@typescript-eslint/no-floating-promises": "error",
        "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
        // Configuration is parsed and validated once, in each app's env.ts.
        "no-restricted-properties": [
          "error",
          { object: "process", property: "env", message: "Read configuration through env.ts." },
        ],
      },
    },
    {
      files: ["**/*.js", "**/*.mjs"],
      ...tseslint.configs.disableTypeChecked,
    },
  );
}
