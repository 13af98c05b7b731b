import { ERROR_REASONS } from "@dost/shared";
import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "./i18n.js";
import { openingDay, openingTime } from "./opening.js";
import { KIOSK_REASONS } from "./reasons.js";

const CONTEXT = { params: { centre: "BAKU-2", status: "cancelled" }, time: () => "10:40" };

describe("the refusal reasons", () => {
  it("are translated for the same reasons in az, ru and en, each one of the catalogue's", () => {
    for (const [language, t] of Object.entries(DICTIONARIES)) {
      expect(Object.keys(t.reasons).sort(), language).toEqual([...KIOSK_REASONS].sort());
    }
    for (const reason of KIOSK_REASONS) expect(ERROR_REASONS).toContain(reason);
  });

  it("read differently in each language and use their parameters", () => {
    for (const reason of KIOSK_REASONS) {
      const texts = (["az", "ru", "en"] as const).map((l) => DICTIONARIES[l].reasons[reason](CONTEXT));
      expect(new Set(texts).size, reason).toBe(3);
      for (const text of texts) expect(text.trim(), reason).not.toBe("");
    }
    for (const t of Object.values(DICTIONARIES)) {
      expect(t.reasons.check_in_too_early(CONTEXT)).toContain("10:40");
      expect(t.reasons.check_in_wrong_centre(CONTEXT)).toContain("BAKU-2");
    }
  });
});

describe("when a closed centre opens", () => {
  const BAKU = "Asia/Baku";
  const at = (iso: string) => new Date(iso);

  it("counts days in the centre's timezone, not the device's", () => {
    // Saturday 20:00 in Baku; Monday 09:00 opening.
    expect(openingDay(at("2026-11-30T05:00:00Z"), at("2026-11-28T16:00:00Z"), BAKU)).toEqual({
      kind: "weekday",
      weekday: 0,
    });
    // Monday 23:30 UTC is Tuesday 03:30 in Baku.
    expect(openingDay(at("2026-11-24T05:00:00Z"), at("2026-11-23T23:30:00Z"), BAKU)).toEqual({
      kind: "today",
    });
    expect(openingDay(at("2026-11-24T05:00:00Z"), at("2026-11-23T19:00:00Z"), BAKU)).toEqual({
      kind: "tomorrow",
    });
    // After the New Year holidays: a date, not a weekday.
    expect(openingDay(at("2027-01-05T05:00:00Z"), at("2026-12-29T16:00:00Z"), BAKU)).toEqual({
      kind: "date",
      day: 5,
      month: 0,
    });
    expect(openingTime(at("2026-11-30T05:00:00Z"), BAKU)).toBe("09:00");
  });

  it("reads naturally in each language", () => {
    const { az, ru, en } = DICTIONARIES;
    expect(ru.opensAt({ kind: "weekday", weekday: 1 }, "09:00")).toBe("Откроемся во вторник в 09:00");
    expect(en.opensAt({ kind: "date", day: 5, month: 0 }, "09:00")).toBe("We open on 5 January at 09:00");
    expect(az.opensAt({ kind: "tomorrow" }, "09:00")).toBe("Açılış: sabah, saat 09:00");
  });
});
