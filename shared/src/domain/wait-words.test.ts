import { describe, expect, it } from "vitest";
import { sayWait, sayWaitRange, type WaitWords } from "./wait-words.js";

const EN: WaitWords = {
  underAMinute: "under a minute",
  noEstimate: "no counter open yet",
  minutes: (m) => `~${m} min`,
  hoursMinutes: (h, m) => (m ? `~${h} h ${m} min` : `~${h} h`),
  aboutMinutesRange: (low, high) => `about ${low}–${high} min`,
  aboutRange: (low, high) => `about ${low} – ${high}`,
};

describe("a wait in words", () => {
  it("says a band as 'about 10–15 min', its ends rounded outward", () => {
    expect(sayWaitRange(EN, 12, { low: 10.4, high: 14.2 })).toBe("about 10–15 min");
    expect(sayWaitRange(EN, 70, { low: 50, high: 95 })).toBe("about 50 min – 1 h 35 min");
  });

  it("falls back to the single estimate, never a false 0 min, and its words for none", () => {
    expect(sayWaitRange(EN, 12.4, null)).toBe("~12 min");
    expect(sayWaitRange(EN, 0.4, { low: 0, high: 0 })).toBe("under a minute");
    expect(sayWait(EN, 0.2)).toBe("under a minute");
    expect(sayWait(EN, null)).toBe("no counter open yet");
    expect(sayWaitRange(EN, null, null)).toBe("no counter open yet");
  });
});
