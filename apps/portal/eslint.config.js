import { svelteConfig } from "@sigap/eslint-config/svelte";

// SvelteKit 3 has no svelte.config.js (options live in vite.config.ts); tell the parser the one
// compiler option that changes how components parse.
export default svelteConfig(import.meta.dirname, { compilerOptions: { runes: true } });
