import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@dost/source"] },
  ssr: { resolve: { conditions: ["@dost/source"] } },
  test: {
    name: "server",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
