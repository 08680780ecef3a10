import { defineConfig } from "vitest/config";
import { reportersFor } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: reportersFor(),
    // Real servers and child processes (the CLI, redocly respect) under a shared machine's load.
    testTimeout: 60_000,
  },
});
