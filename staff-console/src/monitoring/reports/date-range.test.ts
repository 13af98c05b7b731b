import { describe, expect, it } from "vitest";
import { formatDay } from "../figures.js";
import { presetOf, presetRange, rangeProblem } from "./date-range.js";

describe("presetRange", () => {
  it("counts today, the last seven days and this month up to today", () => {
    expect(presetRange("today", "2025-03-12")).toEqual({ from: "2025-03-12", to: "2025-03-12" });
    expect(presetRange("last7", "2025-03-03")).toEqual({ from: "2025-02-25", to: "2025-03-03" });
    expect(presetRange("thisMonth", "2025-03-12")).toEqual({ from: "2025-03-01", to: "2025-03-12" });
  });

  it("takes last month whole, across a year end and a leap February", () => {
    expect(presetRange("lastMonth", "2025-01-15")).toEqual({ from: "2024-12-01", to: "2024-12-31" });
    expect(presetRange("lastMonth", "2024-03-31")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
  });

  it("recognises a preset range and not a hand-picked one", () => {
    expect(presetOf({ from: "2025-03-01", to: "2025-03-12" }, "2025-03-12")).toBe("thisMonth");
    expect(presetOf({ from: "2025-03-02", to: "2025-03-12" }, "2025-03-12")).toBeNull();
  });
});

describe("rangeProblem", () => {
  it("wants both days, in order", () => {
    expect(rangeProblem({ from: "", to: "2025-03-12" })).toBe("incomplete");
    expect(rangeProblem({ from: "2025-03-13", to: "2025-03-12" })).toBe("reversed");
    expect(rangeProblem({ from: "2025-03-12", to: "2025-03-12" })).toBeNull();
  });
});

describe("formatDay", () => {
  it("writes a day as Azerbaijan does, with the weekday in the reader's language", () => {
    expect(formatDay("2025-03-10", "az")).toBe("B.e., 10.03.2025");
    expect(formatDay("2025-03-16", "ru")).toBe("Вс, 16.03.2025");
    expect(formatDay("2024-02-29", "en")).toBe("Thu, 29.02.2024");
  });
});
