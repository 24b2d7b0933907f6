import adapter from "@sveltejs/adapter-node";
import { sveltekit } from "@sveltejs/kit/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

// SvelteKit 3 takes its configuration here; there is no svelte.config.js.
export default defineConfig({
  plugins: [
    tailwindcss(),
    sveltekit({
      adapter: adapter({ out: "build" }),
      compilerOptions: { runes: true },
      // Scripts only from the portal itself, SvelteKit's inline start-up script by its per-response
      // nonce. Inline styles stay allowed: Svelte's `style:` directives write style attributes,
      // which nonces cannot cover, and style cannot run code. Logo previews are data: URLs.
      csp: {
        mode: "auto",
        directives: {
          "default-src": ["self"],
          "script-src": ["self"],
          "style-src": ["self", "unsafe-inline"],
          "img-src": ["self", "data:"],
          "font-src": ["self"],
          "connect-src": ["self"],
          "object-src": ["none"],
          "base-uri": ["self"],
          "form-action": ["self"],
          "frame-ancestors": ["none"],
        },
      },
    }),
  ],
});
