import { describe, expect, it } from "vitest";
import type { OpeningHours } from "./service-day.js";
import {
  checkInVerdict,
  dayVerdict,
  isBookableStart,
  slotCapacityAt,
  slotsOf,
  takesAppointments,
  type SlotRules,
} from "./slots.js";
import { zonedInstant } from "./zoned-time.js";

const withLunch = [
  { open: "09:00", close: "13:00" },
  { open: "14:00", close: "18:00" },
];
const hours: OpeningHours = {
  mon: withLunch,
  tue: withLunch,
  wed: withLunch,
  thu: withLunch,
  fri: withLunch,
  sat: [],
  sun: [],
};
const rules: SlotRules = {
  timeZone: "Asia/Baku",
  openingHours: hours,
  closedDates: new Set(["2026-11-09"]),
  slotMinutes: 40,
  bookingWindowDays: 30,
  leadMinutes: 60,
};
// Sunday 22 November 2026, 12:00 in Baku.
const now = new Date("2026-11-22T08:00:00Z");
const baku = (date: string, time: string) =>
  zonedInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)), "Asia/Baku");

describe("appointment slots", () => {
  it("cuts each opening period into whole slots, never across the lunch break or past closing", () => {
    const slots = slotsOf("2026-11-23", now, rules).map((s) => s.start.toISOString());
    // 09:00–13:00 holds six 40-minute slots (the last ends 13:00); 14:00–18:00 six more.
    expect(slots).toHaveLength(12);
    expect(slots[0]).toBe(baku("2026-11-23", "09:00").toISOString());
    expect(slots[5]).toBe(baku("2026-11-23", "12:20").toISOString());
    expect(slots[6]).toBe(baku("2026-11-23", "14:00").toISOString());
    expect(slots).not.toContain(baku("2026-11-23", "13:00").toISOString());
  });

  it("gives Baku local times as UTC instants", () => {
    expect(baku("2026-11-23", "09:00").toISOString()).toBe("2026-11-23T05:00:00.000Z");
  });

  it("has no slots on weekends, holidays, past days or beyond the booking window", () => {
    expect(dayVerdict("2026-11-28", now, rules)).toBe("closed");
    expect(dayVerdict("2026-11-21", now, rules)).toBe("past");
    // Today counts as day 0: 30 days ahead is the 22nd of December, the 23rd is one too far.
    expect(dayVerdict("2026-12-22", now, rules)).toBe("open");
    expect(dayVerdict("2026-12-23", now, rules)).toBe("beyond_window");
    expect(dayVerdict("2026-12-23", now, { ...rules, bookingWindowDays: 31 })).toBe("open");
    const holidayRules = { ...rules, closedDates: new Set(["2026-11-24"]) };
    expect(dayVerdict("2026-11-24", now, holidayRules)).toBe("closed");
    expect(slotsOf("2026-11-24", now, holidayRules)).toEqual([]);
  });

  it("drops slots that start within the lead time", () => {
    // Monday 09:30 in Baku: with a 60-minute lead nothing before 10:30, so 11:00 is the first start.
    const monday = baku("2026-11-23", "09:30");
    const slots = slotsOf("2026-11-23", monday, rules);
    expect(slots[0]!.start.toISOString()).toBe(baku("2026-11-23", "11:00").toISOString());
    expect(isBookableStart(baku("2026-11-23", "10:20"), monday, rules)).toBeNull();
    expect(isBookableStart(baku("2026-11-23", "11:00"), monday, rules)).not.toBeNull();
    expect(isBookableStart(baku("2026-11-23", "11:05"), monday, rules)).toBeNull();
  });
});

describe("check-in window", () => {
  const start = baku("2026-11-23", "10:00");
  const window = { beforeMinutes: 30, afterMinutes: 15 };
  const at = (minutesFromStart: number) => new Date(start.getTime() + minutesFromStart * 60_000);

  it("opens 30 minutes before the slot and closes 15 minutes after, edges included", () => {
    expect(checkInVerdict(start, at(-30.01), window)).toBe("early");
    expect(checkInVerdict(start, at(-30), window)).toBe("open");
    expect(checkInVerdict(start, at(0), window)).toBe("open");
    expect(checkInVerdict(start, at(15), window)).toBe("open");
    expect(checkInVerdict(start, at(15.01), window)).toBe("late");
  });
});

describe("slot capacity per hour", () => {
  const capacity = {
    perSlot: 3,
    byHour: new Map([
      [10, 0],
      [15, 5],
    ]),
  };
  it("uses the local hour's capacity where one is set, else the service's", () => {
    // 06:00Z is 10:00 in Baku (+04:00); 11:00Z is 15:00; 05:30Z is 09:30.
    expect(slotCapacityAt(new Date("2026-11-24T06:00:00Z"), "Asia/Baku", capacity)).toBe(0);
    expect(slotCapacityAt(new Date("2026-11-24T06:45:00Z"), "Asia/Baku", capacity)).toBe(0);
    expect(slotCapacityAt(new Date("2026-11-24T11:15:00Z"), "Asia/Baku", capacity)).toBe(5);
    expect(slotCapacityAt(new Date("2026-11-24T05:30:00Z"), "Asia/Baku", capacity)).toBe(3);
  });
  it("takes appointments while the service or any hour has room", () => {
    expect(takesAppointments(capacity)).toBe(true);
    expect(takesAppointments({ perSlot: 0, byHour: new Map([[10, 2]]) })).toBe(true);
    expect(takesAppointments({ perSlot: 0, byHour: new Map([[10, 0]]) })).toBe(false);
  });
});
