import { describe, expect, it } from "vitest";
import { isOpenAt, localTime, openingHoursSchema, serviceDay, type OpeningHours } from "./service-day.js";

const weekdays = [{ open: "09:00", close: "18:00" }];
const hours: OpeningHours = {
  mon: weekdays,
  tue: weekdays,
  wed: weekdays,
  thu: weekdays,
  fri: weekdays,
  sat: [],
  sun: [],
};

describe("service day in the centre's timezone", () => {
  it("uses the Baku date, not the UTC date", () => {
    // 21:30 UTC on the 22nd is 01:30 on the 23rd in Baku (UTC+4).
    expect(serviceDay(new Date("2026-11-22T21:30:00Z"), "Asia/Baku")).toBe("2026-11-23");
    expect(serviceDay(new Date("2026-11-22T19:59:59Z"), "Asia/Baku")).toBe("2026-11-22");
    expect(serviceDay(new Date("2026-11-22T20:00:00Z"), "Asia/Baku")).toBe("2026-11-23");
  });

  it("knows the weekday and minutes of the local time", () => {
    expect(localTime(new Date("2026-11-23T05:15:00Z"), "Asia/Baku")).toEqual({
      date: "2026-11-23",
      weekday: "mon",
      minutes: 9 * 60 + 15,
    });
  });

  it("opens at 09:00 and closes at 18:00 Baku time on weekdays only", () => {
    expect(isOpenAt(hours, new Date("2026-11-23T04:59:00Z"), "Asia/Baku")).toBe(false);
    expect(isOpenAt(hours, new Date("2026-11-23T05:00:00Z"), "Asia/Baku")).toBe(true);
    expect(isOpenAt(hours, new Date("2026-11-23T13:59:00Z"), "Asia/Baku")).toBe(true);
    expect(isOpenAt(hours, new Date("2026-11-23T14:00:00Z"), "Asia/Baku")).toBe(false);
    expect(isOpenAt(hours, new Date("2026-11-22T08:00:00Z"), "Asia/Baku")).toBe(false);
  });

  it("rejects opening hours that close before they open", () => {
    expect(openingHoursSchema.safeParse({ ...hours, mon: [{ open: "18:00", close: "09:00" }] }).success).toBe(
      false,
    );
    expect(openingHoursSchema.safeParse(hours).success).toBe(true);
  });
});
