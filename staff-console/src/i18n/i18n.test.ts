import { LANGUAGES } from "@dost/shared";
import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { DICTIONARIES, TEXTS } from "./i18n.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the dictionaries", () => {
  it.each(LANGUAGES)("%s has every key, none empty, with the same placeholders as English", (language) => {
    const dictionary = DICTIONARIES[language];
    expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en) as [keyof typeof en, string][]) {
      expect(dictionary[key].trim(), key).not.toBe("");
      expect(placeholders(dictionary[key]), key).toEqual(placeholders(text));
    }
  });

  it("reads dotted keys as nested texts and fills placeholders", () => {
    expect(TEXTS.en.app.title).toBe("Staff console");
    expect(TEXTS.en.open.submit({ label: "5" })).toBe("Open counter 5");
    expect(TEXTS.ru.open.submit({ label: "5" })).toContain("5");
  });
});
