import { describe, expect, it } from "vitest";
import { messages } from "../i18n/messages.js";
import { centreClock, clockText } from "./centre-time.js";

describe("centreClock", () => {
  it("reads the time in the centre's timezone, not the device's", () => {
    // 20:30 UTC is 00:30 the next day in Baku (UTC+4): a Saturday.
    const local = centreClock("Asia/Baku")(new Date("2025-03-14T20:30:00Z"));
    expect(local).toEqual({ year: 2025, month: 2, day: 15, weekday: 6, hour: 0, minute: 30 });
    expect(clockText(local)).toBe("00:30");
  });

  it("writes the date in each language from the dictionary", () => {
    const local = centreClock("Asia/Baku")(new Date("2025-03-14T20:30:00Z"));
    expect(messages.az.longDate(local)).toBe("Şənbə, 15 mart 2025");
    expect(messages.ru.longDate(local)).toBe("Суббота, 15 марта 2025");
    expect(messages.en.longDate(local)).toBe("Saturday, 15 March 2025");
  });

  it("falls back to the device's zone for an unknown zone name instead of failing", () => {
    expect(() => centreClock("Not/AZone")(new Date())).not.toThrow();
  });
});
