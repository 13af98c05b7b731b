import { describe, expect, it } from "vitest";
import { announcementText, spokenCode } from "./phrases.js";

describe("spokenCode", () => {
  it("says the letter by its name in each language, then the number", () => {
    expect(spokenCode("B042", "az")).toBe("be, 42");
    expect(spokenCode("B042", "ru")).toBe("бэ, 42");
    expect(spokenCode("B042", "en")).toBe("B, 42");
    expect(spokenCode("A100", "ru")).toBe("а, 100");
  });

  it("spells out anything that is not letters then digits", () => {
    expect(spokenCode("7-X", "en")).toBe("7 - X");
  });
});

describe("announcementText", () => {
  const call = { code: "B042", counterLabel: "5", recall: false };
  it("names the code and the counter in each language", () => {
    expect(announcementText(call, "az")).toBe("Bilet be, 42. 5 nömrəli masaya yaxınlaşın.");
    expect(announcementText(call, "ru")).toBe("Талон бэ, 42. Пройдите к окну 5.");
    expect(announcementText(call, "en")).toBe("Ticket B, 42. Please go to counter 5.");
  });

  it("says that a recall is a repeat", () => {
    expect(announcementText({ ...call, recall: true }, "en")).toMatch(/^Again\. Ticket/);
    expect(announcementText({ ...call, recall: true }, "az")).toMatch(/^Təkrar\. /);
    expect(announcementText({ ...call, recall: true }, "ru")).toMatch(/^Повторно\. /);
  });
});
