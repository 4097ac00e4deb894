import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          // The `concord` processes these tests start run the sources (bin/concord.js), never a
          // build that may be stale; the browser tests below run the compiled build.
          env: { CONCORD_FROM_SOURCE: "1" },
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        // Browser tests drive real Chromium against a real server: one file at a time.
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
