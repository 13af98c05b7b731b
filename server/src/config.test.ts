import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration from the environment", () => {
  it("takes an empty value as unset, as .env and compose files write it", () => {
    const config = loadConfig({
      DATABASE_URL: "",
      REDIS_URL: "  ",
      PUBLIC_URL: "",
      PORT: "",
      TRUST_PROXY: "",
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.publicUrl).toBeUndefined();
    expect(config.port).toBe(3000);
  });

  it("still refuses a value that is wrong rather than empty, naming it", () => {
    expect(() => loadConfig({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
  });

  it("runs a simulated clock from CLOCK_START at CLOCK_SPEED, and never in production", () => {
    expect(loadConfig({ CLOCK_START: "2026-11-24T06:00:00Z", CLOCK_SPEED: "20" }).clock).toEqual({
      start: new Date("2026-11-24T06:00:00Z"),
      speed: 20,
    });
    expect(loadConfig({}).clock).toBeUndefined();
    expect(() => loadConfig({ NODE_ENV: "production", CLOCK_SPEED: "20" })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: "production", CLOCK_START: "2026-11-24T06:00:00Z" })).toThrow(
      /never allowed in production/,
    );
    expect(() => loadConfig({ CLOCK_SPEED: "0.5" })).toThrow(/CLOCK_SPEED/);
  });
});
