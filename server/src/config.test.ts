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

const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: "test", ...env });

describe("SMS settings", () => {
  it("uses the log gateway when no provider URL is set, an empty value counting as unset", () => {
    expect(load({}).sms).toEqual({ http: null, callback: null });
    expect(load({ SMS_HTTP_URL: "", SMS_HTTP_TOKEN: " ", SMS_CALLBACK_SECRET: "" }).sms).toEqual({
      http: null,
      callback: null,
    });
  });

  it("reads a provider with defaults, and a callback secret", () => {
    const { sms } = load({
      SMS_HTTP_URL: "https://sms.example.az/send",
      SMS_HTTP_TOKEN: "tok",
      SMS_CALLBACK_SECRET: "0123456789abcdef",
      SMS_CALLBACK_HEADER: "X-Provider-Secret",
    });
    expect(sms.http).toMatchObject({
      url: "https://sms.example.az/send",
      format: "json",
      auth: { kind: "bearer", token: "tok" },
      sender: "DOST",
      timeoutMs: 10_000,
      messageIdPath: null,
    });
    expect(JSON.parse(sms.http!.template)).toMatchObject({ to: "{{recipient}}", text: "{{text}}" });
    expect(sms.callback).toEqual({ header: "x-provider-secret", secret: "0123456789abcdef" });
  });

  it.each([
    [{ SMS_HTTP_TEMPLATE: '{"to": "{{recipient}}", "text": ' }, /not valid JSON/],
    [{ SMS_HTTP_TEMPLATE: '{"to":"{{phone}}","text":"{{text}}"}' }, /unknown placeholder \{\{phone\}\}/],
    [{ SMS_HTTP_TEMPLATE: '{"to":"{{recipient}}"}' }, /must place \{\{text\}\}/],
    [{ SMS_HTTP_USERNAME: "user" }, /set both/],
    [{ SMS_HTTP_USERNAME: "u", SMS_HTTP_PASSWORD: "p", SMS_HTTP_TOKEN: "t" }, /not both/],
    [{ SMS_HTTP_MESSAGE_ID_PATH: "messages[0].id" }, /dotted path/],
    [{ SMS_CALLBACK_SECRET: "short" }, /SMS_CALLBACK_SECRET/],
  ])("refuses a wrong setting at start: %j", (env, message) => {
    expect(() => load({ SMS_HTTP_URL: "https://sms.example.az/send", ...env })).toThrow(ConfigError);
    expect(() => load({ SMS_HTTP_URL: "https://sms.example.az/send", ...env })).toThrow(message);
  });

  it("refuses a provider URL that is not http(s)", () => {
    expect(() => load({ SMS_HTTP_URL: "ftp://sms.example.az" })).toThrow(/SMS_HTTP_URL/);
  });
});
