import { describe, expect, it } from "vitest";
import { maskName, maskPhone, maskPin } from "./masking.js";

describe("masking personal data", () => {
  it("keeps the first letter of each name part", () => {
    expect(maskName("Leyla Əliyeva")).toBe("L**** Ə******");
    expect(maskName("  Ə  ")).toBe("Ə");
  });
  it("keeps the country code and the last two digits of a phone number", () => {
    expect(maskPhone("+994501234567")).toBe("+994*******67");
    expect(maskPhone("0501234567")).toBe("********67");
  });
  it("keeps the last two characters of a FIN", () => {
    expect(maskPin("5AB12CD")).toBe("*****CD");
  });
});
