import { defineProject } from "vitest/config";

export default defineProject({
  // Statistical and property tests draw many samples; on a busy two-core machine the default 5 s
  // limit measures the machine, not the code.
  test: { name: "shared", include: ["src/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
});
