import { defineConfig } from "vitest/config";

/**
 * One `vitest run` at the root runs every project: the pure rules, the server against a real
 * PostgreSQL, the apps' components in jsdom, and the end-to-end tests in a real Chromium.
 */
export default defineConfig({
  test: {
    projects: ["shared", "server", "kiosk", "display", "staff-console"],
    // The machine has two cores; concurrency tests and browsers already keep both busy.
    maxWorkers: 2,
  },
});
