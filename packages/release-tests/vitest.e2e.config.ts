import { defineConfig } from "vitest/config";

// The end-to-end publish is slow and talks to a registry, so it has its own config and report; the
// root test runner sums this report with the others.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    reporters: ["default", ["json", { outputFile: ".reports/vitest-e2e.json" }]],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
