import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { formatDateTime, formatWait, formatWaitRange } from "./format.js";
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
      const strings = (value: object, prefix: string): [string, unknown][] =>
        Object.entries(value).flatMap(([key, v]) =>
          typeof v === "object" && v !== null
            ? strings(v as object, `${prefix}${key}.`)
            : [[`${prefix}${key}`, v]],
        );
      for (const [key, text] of strings(messages, "")) {
        if (typeof text === "string") expect(text.trim(), `${language}.${key}`).not.toBe("");
      }
    }
  });

  it("differ from one another, so nothing was left untranslated", () => {
    expect(DICTIONARIES.ru.startHeading).not.toBe(DICTIONARIES.az.startHeading);
    expect(DICTIONARIES.en.priorityHeading).not.toBe(DICTIONARIES.ru.priorityHeading);
    for (const group of ["booking", "manage", "checkIn"] as const) {
      const az = Object.values(DICTIONARIES.az[group]);
      const ru = Object.values(DICTIONARIES.ru[group]);
      const en = Object.values(DICTIONARIES.en[group]);
      const same = az.filter((text, i) => typeof text === "string" && (text === ru[i] || text === en[i]));
      expect(same, group).toEqual([]);
    }
  });
});

describe("Russian counts", () => {
  it("agree with the number", () => {
    const { booking } = DICTIONARIES.ru;
    expect([1, 2, 5, 21, 22, 52].map(booking.dayOpen)).toEqual([
      "1 свободное место",
      "2 свободных места",
      "5 свободных мест",
      "21 свободное место",
      "22 свободных места",
      "52 свободных места",
    ]);
    expect(booking.placesLeft(1)).toBe("осталось 1 место");
  });
});

describe("formatting", () => {
  it("rounds waits for people and never shows a false zero", () => {
    // No honest estimate (no counter open, none expected): said in words, never a made-up figure.
    expect(formatWait(en, null)).toBe("no counter open yet");
    expect(formatWait(en, 0)).toBe("under a minute");
    expect(formatWait(en, 0.9)).toBe("under a minute");
    expect(formatWait(en, 12.4)).toBe("~12 min");
    expect(formatWait(en, 59.6)).toBe("~1 h");
    expect(formatWait(en, 135)).toBe("~2 h 15 min");
  });

  it("shows a wait band as a range people understand, in every language", () => {
    expect(formatWaitRange(en, 12.4, { low: 9.6, high: 14.2 })).toBe("about 9–15 min");
    expect(formatWaitRange(DICTIONARIES.az, 12.4, { low: 9.6, high: 14.2 })).toBe("təxminən 9–15 dəq.");
    expect(formatWaitRange(DICTIONARIES.ru, 12.4, { low: 9.6, high: 14.2 })).toBe("примерно 9–15 мин");
    expect(formatWaitRange(en, 70, { low: 50, high: 95.5 })).toBe("about 50 min – 1 h 36 min");
    expect(formatWaitRange(en, 0.2, { low: 0, high: 0.5 })).toBe("about 0–1 min");
    expect(formatWaitRange(en, 0, { low: 0, high: 0 })).toBe("under a minute");
    // Without a band (the former estimator), the single estimate.
    expect(formatWaitRange(en, 12.4, null)).toBe("~12 min");
  });

  it("writes times in the centre's timezone", () => {
    // 21:30 UTC is already the next day in Baku.
    expect(formatDateTime("2025-03-05T21:30:00Z", "Asia/Baku", "en-GB")).toBe("06/03/2025, 01:30");
    expect(formatDateTime("2025-03-05T21:30:00Z", "Asia/Baku", "ru-RU")).toBe("06.03.2025, 01:30");
  });
});
