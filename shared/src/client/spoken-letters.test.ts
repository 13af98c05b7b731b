import { describe, expect, it } from "vitest";
import { spokenCode } from "./spoken-letters.js";

describe("spokenCode", () => {
  it("says the prefix by each language's letter names and the number without leading zeros", () => {
    expect(spokenCode("B042", "az")).toBe("be, 42");
    expect(spokenCode("B-007", "ru")).toBe("бэ, 7");
    expect(spokenCode("AB100", "az")).toBe("a be, 100");
    expect(spokenCode("A042", "en")).toBe("A, 42");
  });

  it("spells out anything that is not letters then digits", () => {
    expect(spokenCode("7-X", "en")).toBe("7 - X");
  });
});
