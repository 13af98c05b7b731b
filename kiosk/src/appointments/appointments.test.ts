import { APPOINTMENT_CODE_ALPHABET } from "@dost/shared";
import { describe, expect, it } from "vitest";
import { codeFromText, formatCode, isCompleteCode, keepCodeCharacters, manageUrl } from "./code.js";
import {
  addMonths,
  dateForKey,
  dateIn,
  datesOfMonth,
  formatLongDate,
  formatMonth,
  formatTime,
  weekColumn,
} from "./dates.js";
import { DICTIONARIES } from "../i18n/i18n.js";

describe("booking codes", () => {
  it("are written in two groups of five, also while being typed; older 8-character ones in fours", () => {
    expect(formatCode("HK7M3XQ9RT")).toBe("HK7M3-XQ9RT");
    expect(formatCode("HK7")).toBe("HK7");
    expect(formatCode("HK7M3X")).toBe("HK7M3-X");
    expect(formatCode("HK7M3XQ9")).toBe("HK7M-3XQ9");
  });

  it("keep only characters a code can have, up to ten; eight or ten make a whole code", () => {
    expect(keepCodeCharacters("hk7m3-xq9rt")).toBe("HK7M3XQ9RT");
    expect(keepCodeCharacters("O0I1L hk7m3 xq9rt 22")).toBe("HK7M3XQ9RT");
    expect([8, 9, 10].map((n) => isCompleteCode("HK7M3XQ9RT".slice(0, n)))).toEqual([true, false, true]);
    expect([...APPOINTMENT_CODE_ALPHABET].every((c) => keepCodeCharacters(c) === c)).toBe(true);
  });

  it("are found in what people type and in the manage page's address", () => {
    expect(codeFromText(" hk7m-3xq9 ")).toBe("HK7M3XQ9");
    expect(codeFromText("HK7M 3XQ9")).toBe("HK7M3XQ9");
    expect(codeFromText(manageUrl("HK7M3XQ9", "https://queue.example.az"))).toBe("HK7M3XQ9");
    expect(codeFromText("https://x/kiosk/book/manage?lang=ru&code=hk7m-3xq9#top")).toBe("HK7M3XQ9");
    expect(codeFromText("hk7m3-xq9rt")).toBe("HK7M3XQ9RT");
    expect(codeFromText("HK7M3 XQ9RT")).toBe("HK7M3XQ9RT");
    expect(codeFromText("HK7M3XQ9R")).toBeNull();
    expect(codeFromText("HK7M3XQ")).toBeNull();
    expect(codeFromText("HK7M3XQO")).toBeNull();
    expect(codeFromText("https://x/kiosk/book/manage")).toBeNull();
  });
});

describe("the calendar's dates", () => {
  it("lists a month's days and steps across years", () => {
    expect(datesOfMonth("2028-02")).toHaveLength(29);
    expect(datesOfMonth("2026-11").at(-1)).toBe("2026-11-30");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2027-01", -1)).toBe("2026-12");
  });

  it("puts weeks Monday first", () => {
    expect(weekColumn("2026-11-23")).toBe(0);
    expect(weekColumn("2026-11-29")).toBe(6);
  });

  it("moves the focus like the WAI-ARIA date picker", () => {
    expect(dateForKey("ArrowRight", "2026-11-30")).toBe("2026-12-01");
    expect(dateForKey("ArrowUp", "2026-11-03")).toBe("2026-10-27");
    expect(dateForKey("Home", "2026-11-26")).toBe("2026-11-23");
    expect(dateForKey("End", "2026-11-26")).toBe("2026-11-29");
    expect(dateForKey("PageDown", "2027-01-31")).toBe("2027-02-28");
    expect(dateForKey("PageUp", "2026-12-15")).toBe("2026-11-15");
    expect(dateForKey("a", "2026-12-15")).toBeNull();
  });

  it("says dates and times as the centre's calendar and clock have them", () => {
    // 21:30 UTC on the 23rd is 01:30 on the 24th in Baku.
    expect(dateIn("2026-11-23T21:30:00Z", "Asia/Baku")).toBe("2026-11-24");
    expect(formatTime("2026-11-23T21:30:00Z", "Asia/Baku")).toBe("01:30");
    const { az, ru, en } = DICTIONARIES;
    expect(formatLongDate("2026-11-24", en.calendar)).toBe("Tuesday, 24 November 2026");
    expect(formatLongDate("2026-11-24", ru.calendar)).toBe("вторник, 24 ноября 2026 г.");
    expect(formatLongDate("2026-11-24", az.calendar)).toBe("24 noyabr 2026, çərşənbə axşamı");
    expect(formatLongDate("2026-11-29", az.calendar)).toBe("29 noyabr 2026, bazar");
    expect(formatMonth("2026-06", az.calendar)).toBe("İyun 2026");
    expect(formatMonth("2026-11", ru.calendar)).toBe("Ноябрь 2026");
  });
});
