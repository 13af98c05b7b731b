import { describe, expect, it } from "vitest";
import { nextOrder, sortBy } from "./sorting.js";

const rows = [
  { name: "Sumqayıt", wait: 120 },
  { name: "Bakı 10", wait: null },
  { name: "Bakı 2", wait: 30 },
];

describe("sortBy", () => {
  it("sorts figures both ways and keeps missing figures last", () => {
    expect(sortBy(rows, (r) => r.wait, "ascending", "az").map((r) => r.wait)).toEqual([30, 120, null]);
    expect(sortBy(rows, (r) => r.wait, "descending", "az").map((r) => r.wait)).toEqual([120, 30, null]);
  });

  it("sorts names in the reader's language, numbers inside names by value", () => {
    expect(sortBy(rows, (r) => r.name, "ascending", "az").map((r) => r.name)).toEqual([
      "Bakı 2",
      "Bakı 10",
      "Sumqayıt",
    ]);
  });
});

describe("nextOrder", () => {
  it("turns the same column round and starts another ascending", () => {
    expect(nextOrder({ key: "a", direction: "ascending" }, "a")).toEqual({
      key: "a",
      direction: "descending",
    });
    expect(nextOrder({ key: "a", direction: "descending" }, "b")).toEqual({
      key: "b",
      direction: "ascending",
    });
  });
});
