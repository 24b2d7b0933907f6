import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "sop-engine",
    include: ["src/**/*.test.ts"],
  },
});
