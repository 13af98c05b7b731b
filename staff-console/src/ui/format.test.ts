import { describe, expect, it } from "vitest";
import { elapsedMs, formatClock, formatDuration } from "./format.js";

describe("formatDuration", () => {
  it("shows minutes and seconds under an hour, hours beyond", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(247_000)).toBe("4:07");
    expect(formatDuration(3_729_000)).toBe("1:02:09");
  });

  it("never shows a negative time when the clocks disagree", () => {
    expect(formatDuration(-5_000)).toBe("0:00");
    expect(elapsedMs("2025-03-03T10:00:10+04:00", "2025-03-03T10:00:00+04:00")).toBe(0);
  });
});

describe("formatClock", () => {
  it("shows the time in the centre's timezone, not the browser's", () => {
    expect(formatClock("2025-03-03T05:12:00Z", "en", "Asia/Baku")).toBe("09:12");
  });
});
