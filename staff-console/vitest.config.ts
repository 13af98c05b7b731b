import { defineProject } from "vitest/config";

// Component tests run in jsdom; files under e2e/ declare the node environment themselves and drive
// a real Chromium against the real server.
export default defineProject({
  resolve: { conditions: ["@dost/source"] },
  ssr: { resolve: { conditions: ["@dost/source"] } },
  test: {
    name: "staff-console",
    include: ["src/**/*.test.{ts,tsx}", "e2e/**/*.test.ts"],
    environment: "jsdom",
    globalSetup: ["../server/test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
