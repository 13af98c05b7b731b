import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { formatDateTime, formatWait } from "./format.js";
import { DICTIONARIES } from "./i18n.js";

/** Keys and nested keys of a dictionary, as dotted paths. */
function paths(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([key, v]) =>
    typeof v === "object" && v !== null ? paths(v as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("the dictionaries", () => {
  it("have the same keys in every language, none empty", () => {
    for (const [language, messages] of Object.entries(DICTIONARIES)) {
      expect(paths(messages), language).toEqual(paths(DICTIONARIES.az));
      for (const [key, text] of Object.entries(messages)) {
        if (typeof text === "string") expect(text.trim(), `${language}.${key}`).not.toBe("");
      }
    }
  });

  it("differ from one another, so nothing was left untranslated", () => {
    expect(DICTIONARIES.ru.startHeading).not.toBe(DICTIONARIES.az.startHeading);
    expect(DICTIONARIES.en.priorityHeading).not.toBe(DICTIONARIES.ru.priorityHeading);
  });
});

describe("formatting", () => {
  it("rounds waits for people and never shows a false zero", () => {
    expect(formatWait(en, null)).toBe("—");
    expect(formatWait(en, 0)).toBe("under a minute");
    expect(formatWait(en, 0.9)).toBe("under a minute");
    expect(formatWait(en, 12.4)).toBe("~12 min");
    expect(formatWait(en, 59.6)).toBe("~1 h");
    expect(formatWait(en, 135)).toBe("~2 h 15 min");
  });

  it("writes times in the centre's timezone", () => {
    // 21:30 UTC is already the next day in Baku.
    expect(formatDateTime("2025-03-05T21:30:00Z", "Asia/Baku", "en-GB")).toBe("06/03/2025, 01:30");
    expect(formatDateTime("2025-03-05T21:30:00Z", "Asia/Baku", "ru-RU")).toBe("06.03.2025, 01:30");
  });
});
