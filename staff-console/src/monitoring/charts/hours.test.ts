import { describe, expect, it } from "vitest";
import { fillHours, hourLabel } from "./hours.js";

describe("fillHours", () => {
  it("fills the quiet hours between the first and the last with zeros", () => {
    const filled = fillHours(
      [
        { hour: 11, n: 3 },
        { hour: 9, n: 1 },
      ],
      (hour) => ({ hour, n: 0 }),
    );
    expect(filled).toEqual([
      { hour: 9, n: 1 },
      { hour: 10, n: 0 },
      { hour: 11, n: 3 },
    ]);
  });

  it("draws nothing for a day without figures", () => {
    expect(fillHours([], (hour) => ({ hour }))).toEqual([]);
  });

  it("labels hours on the 24-hour clock", () => {
    expect(hourLabel(9)).toBe("09:00");
    expect(hourLabel(17)).toBe("17:00");
  });
});
