import { describe, expect, it } from "vitest";
import {
  forecastArrivals,
  handlingMinutesFromHistory,
  openHoursOf,
  type HourlyArrivals,
} from "./arrival-forecast.js";
import type { OpeningHours } from "./service-day.js";

const closedWeekend = { sat: [], sun: [] };
const hours: OpeningHours = {
  // Monday has a lunch break and closes at half past six.
  mon: [
    { open: "09:00", close: "13:00" },
    { open: "14:00", close: "18:30" },
  ],
  tue: [{ open: "09:00", close: "18:00" }],
  wed: [{ open: "09:00", close: "18:00" }],
  thu: [{ open: "09:00", close: "18:00" }],
  fri: [{ open: "09:00", close: "18:00" }],
  ...closedWeekend,
};

const row = (date: string, hour: number, serviceId: string, arrivals: number): HourlyArrivals => ({
  date,
  hour,
  serviceId,
  arrivals,
});

/** The Monday `weeks` weeks before 2026-03-16. */
const mondayWeeksBack = (weeks: number): string =>
  new Date(Date.UTC(2026, 2, 16 - 7 * weeks)).toISOString().slice(0, 10);

describe("open hours of a day", () => {
  it("lists each hour touched by an opening period, with its open minutes", () => {
    expect(openHoursOf(hours.mon)).toEqual([
      { hour: 9, openMinutes: 60 },
      { hour: 10, openMinutes: 60 },
      { hour: 11, openMinutes: 60 },
      { hour: 12, openMinutes: 60 },
      { hour: 14, openMinutes: 60 },
      { hour: 15, openMinutes: 60 },
      { hour: 16, openMinutes: 60 },
      { hour: 17, openMinutes: 60 },
      { hour: 18, openMinutes: 30 },
    ]);
    expect(openHoursOf([{ open: "08:45", close: "09:15" }])).toEqual([
      { hour: 8, openMinutes: 15 },
      { hour: 9, openMinutes: 15 },
    ]);
    expect(openHoursOf([])).toEqual([]);
  });
});

describe("arrival forecast from the same weekday", () => {
  // Forecast Monday 2026-03-16 from the Mondays before it, weights halving each week back:
  //   03-09 (1 week back)  weight 1
  //   03-02 (2 weeks)      weight 0.5
  //   02-23 (3 weeks)      a holiday: excluded, whatever it holds
  //   02-16 (4 weeks)      weight 0.125
  //   02-09 (5 weeks)      no rows at all: unrecorded, excluded
  //   01-12 (9 weeks)      beyond the four weeks looked at
  // Total weight 1.625.
  const history = [
    row("2026-03-09", 9, "A", 8),
    row("2026-03-02", 9, "A", 16),
    // 02-16 has no A at 9: it counts as zero.
    row("2026-02-16", 10, "A", 13),
    row("2026-03-09", 9, "B", 3),
    row("2026-03-02", 9, "B", 3),
    row("2026-02-16", 9, "B", 3),
    row("2026-03-09", 18, "B", 2),
    // Ignored: the holiday, an hour the centre is closed on Mondays, a Tuesday, too old a week.
    row("2026-02-23", 9, "A", 500),
    row("2026-03-09", 13, "A", 40),
    row("2026-03-10", 9, "A", 70),
    row("2026-01-12", 9, "A", 90),
  ];
  const forecast = forecastArrivals({
    date: "2026-03-16",
    history,
    closedDates: new Set(["2026-02-23"]),
    openingHours: hours,
    weeks: 5,
    decay: 0.5,
  });
  const at = (hour: number) => forecast.hours.find((h) => h.hour === hour);

  it("rests on the open, recorded same weekdays, newest first", () => {
    expect(forecast.basedOn).toEqual(["2026-03-09", "2026-03-02", "2026-02-16"]);
  });

  it("weights recent weeks more: A at 9 is (1·8 + 0.5·16 + 0.125·0) / 1.625", () => {
    const a9 = at(9)?.services.find((s) => s.serviceId === "A")?.arrivals;
    expect(a9).toBeCloseTo(16 / 1.625, 10);
    // A steady 3 stays 3.
    expect(at(9)?.services.find((s) => s.serviceId === "B")?.arrivals).toBeCloseTo(3, 10);
    expect(at(9)?.total).toBeCloseTo(16 / 1.625 + 3, 10);
  });

  it("keeps a count seen only in an old week, at that week's small weight", () => {
    expect(at(10)?.total).toBeCloseTo((0.125 * 13) / 1.625, 10);
  });

  it("covers every open hour, quiet ones with zero, and the half-open last hour", () => {
    expect(forecast.hours.map((h) => h.hour)).toEqual([9, 10, 11, 12, 14, 15, 16, 17, 18]);
    expect(at(11)).toEqual({ hour: 11, openMinutes: 60, total: 0, services: [] });
    expect(at(18)?.openMinutes).toBe(30);
    expect(at(18)?.total).toBeCloseTo(2 / 1.625, 10);
    expect(at(13)).toBeUndefined();
  });

  it("uses eight weeks decaying by 0.75 by default, and a steady history forecasts itself", () => {
    // Twelve Mondays of 12 visitors at nine.
    const steady = Array.from({ length: 12 }, (_, i) => row(mondayWeeksBack(i + 1), 9, "A", 12));
    const result = forecastArrivals({
      date: "2026-03-16",
      history: steady,
      closedDates: new Set(),
      openingHours: hours,
    });
    expect(result.basedOn).toHaveLength(8);
    expect(result.hours.find((h) => h.hour === 9)?.total).toBeCloseTo(12, 10);
  });

  it("leans towards the recent weeks of a rising trend", () => {
    // 10, 20, …, 80 visitors from eight weeks back to last week: the plain mean is 45.
    const rising = Array.from({ length: 8 }, (_, i) => {
      return row(mondayWeeksBack(8 - i), 9, "A", 10 * (i + 1));
    });
    const weights = Array.from({ length: 8 }, (_, i) => 0.75 ** i);
    const expected =
      weights.reduce((sum, w, i) => sum + w * 10 * (8 - i), 0) / weights.reduce((a, b) => a + b, 0);
    const total = forecastArrivals({
      date: "2026-03-16",
      history: rising,
      closedDates: new Set(),
      openingHours: hours,
    }).hours.find((h) => h.hour === 9)?.total;
    expect(total).toBeCloseTo(expected, 10);
    expect(total).toBeGreaterThan(55);
  });

  it("expects nobody without history, on a closed weekday, or on a closed date", () => {
    const none = forecastArrivals({
      date: "2026-03-16",
      history: [],
      closedDates: new Set(),
      openingHours: hours,
    });
    expect(none.basedOn).toEqual([]);
    expect(none.hours.every((h) => h.total === 0)).toBe(true);
    const sunday = forecastArrivals({
      date: "2026-03-15",
      history,
      closedDates: new Set(),
      openingHours: hours,
    });
    expect(sunday.hours).toEqual([]);
    const holiday = forecastArrivals({
      date: "2026-03-16",
      history,
      closedDates: new Set(["2026-03-16"]),
      openingHours: hours,
    });
    expect(holiday.hours).toEqual([]);
  });

  it("refuses nonsense settings", () => {
    const base = { date: "2026-03-16", history, closedDates: new Set<string>(), openingHours: hours };
    expect(() => forecastArrivals({ ...base, weeks: 0 })).toThrow(RangeError);
    expect(() => forecastArrivals({ ...base, decay: 0 })).toThrow(RangeError);
    expect(() => forecastArrivals({ ...base, decay: 1.5 })).toThrow(RangeError);
  });
});

describe("handling time from history", () => {
  it("takes the configured figure with no timed visits", () => {
    expect(handlingMinutesFromHistory(undefined, 12)).toBe(12);
    expect(handlingMinutesFromHistory({ servedCount: 0, serviceSeconds: 0 }, 12)).toBe(12);
  });

  it("is halfway between configured and observed at twenty visits", () => {
    // 20 visits of 6 minutes (7200 s), configured 12: (120 + 20·12) / 40 = 9.
    expect(handlingMinutesFromHistory({ servedCount: 20, serviceSeconds: 7200 }, 12)).toBe(9);
  });

  it("is nearly the observed mean with plenty of visits", () => {
    // 2000 visits of 6 minutes: (12000 + 240) / 2020 = 6.0594.
    expect(handlingMinutesFromHistory({ servedCount: 2000, serviceSeconds: 720_000 }, 12)).toBeCloseTo(
      12_240 / 2020,
      10,
    );
  });
});
