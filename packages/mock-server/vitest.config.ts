import { defineConfig } from "vitest/config";
import { reportersFor } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: reportersFor(),
    testTimeout: 20_000,
  },
});
