import { defineConfig } from "vitest/config";

/**
 * One `vitest run` at the root runs every project: the pure rules, the server suite on a real
 * PostgreSQL and again on the embedded PGlite (the driver matrix), the apps' components in jsdom,
 * and the end-to-end tests in a real Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      "shared",
      "server",
      {
        extends: "./server/vitest.config.ts",
        root: "./server",
        test: { name: "server-pglite", env: { DOST_TEST_DRIVER: "pglite" } },
      },
      "kiosk",
      "display",
      "staff-console",
    ],
    // The machine has two cores; concurrency tests and browsers already keep both busy.
    maxWorkers: 2,
  },
});
