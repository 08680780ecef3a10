import { defineConfig } from "vitest/config";
import { reportersFor } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: reportersFor(),
    // Type-level tests (*.test-d.ts) run through tsc and count as tests in the report.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
