import { describe, expect, it } from "vitest";
import { slotStartsPerHour, suggestAppointmentCapacity } from "./appointment-capacity.js";
import { forecastArrivals, type HourlyArrivals } from "./arrival-forecast.js";
import type { OpeningHours } from "./service-day.js";

const mondayOnly = (periods: OpeningHours["mon"]): OpeningHours => ({
  mon: periods,
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
});

describe("slot starts per hour", () => {
  it("cuts slots from each period's opening and counts them by the hour they start in", () => {
    const counts = slotStartsPerHour(
      [
        { open: "09:00", close: "10:30" },
        { open: "11:00", close: "11:50" },
      ],
      20,
    );
    // 09:00 09:20 09:40 | 10:00 (10:20 would end at 10:40, past closing) | 11:00 11:20 (11:40 runs over)
    expect(counts[9]).toBe(3);
    expect(counts[10]).toBe(1);
    expect(counts[11]).toBe(2);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
    expect(() => slotStartsPerHour([], 0)).toThrow(RangeError);
  });
});

describe("suggested appointment capacity", () => {
  // Two Mondays of history, identical, so the forecast is the history itself:
  //   09–10: 20 walk-ins of W (6 min) → 2 erlangs; 80 % within 10 min needs 3 counters (91.6 %).
  //   10–11: 40 walk-ins of W → 4 erlangs; needs 5 counters (89.5 %).
  // Demand for the appointment services at 9: X 30, Y 10 (their walk-ins plus kept appointments).
  const day = (date: string): HourlyArrivals[] => [
    { date, hour: 9, serviceId: "W", arrivals: 20 },
    { date, hour: 10, serviceId: "W", arrivals: 40 },
  ];
  const demandDay = (date: string): HourlyArrivals[] => [
    ...day(date),
    { date, hour: 9, serviceId: "X", arrivals: 30 },
    { date, hour: 9, serviceId: "Y", arrivals: 10 },
  ];
  const openingHours = mondayOnly([{ open: "09:00", close: "11:00" }]);
  const forecastOf = (history: HourlyArrivals[]) =>
    forecastArrivals({ date: "2026-03-16", history, closedDates: new Set(), openingHours });
  const walkIns = forecastOf([...day("2026-03-09"), ...day("2026-03-02")]);
  const demand = forecastOf([...demandDay("2026-03-09"), ...demandDay("2026-03-02")]);
  const appointmentServices = [
    // X: 30-minute slots (two start each hour), 10-minute visits: one more per slot costs 20 minutes.
    { serviceId: "X", slotMinutes: 30, handlingMinutes: 10 },
    // Y: 20-minute slots (three an hour), 15-minute visits: one more per slot costs 45 minutes.
    { serviceId: "Y", slotMinutes: 20, handlingMinutes: 15 },
  ];
  const base = {
    walkIns,
    demand,
    openingHours,
    appointmentServices,
    handlingMinutes: new Map([["W", 6]]),
    defaultHandlingMinutes: 6,
    targetWaitMinutes: 10,
  };

  it("gives appointments what the spare counters can take, shared by demand", () => {
    const result = suggestAppointmentCapacity({ ...base, countersPlanned: 4 });
    // 09–10: 4 planned − 3 for walk-ins = 1 spare: 60 × 0.85 = 51 minutes.
    // X's share 3/4 = 38.25 min buys 1 (20 min, remainder 0.91); Y's 12.75 buys 0 (remainder 0.28).
    // Leftover 31 min buys X a second (20 min); 11 min left cannot buy Y's 45.
    expect(result.hours[0]).toEqual({
      hour: 9,
      countersPlanned: 4,
      countersForWalkIns: 3,
      appointmentMinutes: 51,
      services: [
        { serviceId: "X", slots: 2, suggestedCapacity: 2 },
        { serviceId: "Y", slots: 3, suggestedCapacity: 0 },
      ],
    });
    // 10–11: the walk-ins need all 5 of 4 planned and more: nothing to spare.
    expect(result.hours[1]).toMatchObject({ countersForWalkIns: 5, appointmentMinutes: 0 });
    expect(result.hours[1]?.services.map((s) => s.suggestedCapacity)).toEqual([0, 0]);
    // Capacity is set per service for the day: the tightest hour rules.
    expect(result.services).toEqual([
      { serviceId: "X", suggestedCapacity: 0 },
      { serviceId: "Y", suggestedCapacity: 0 },
    ]);
  });

  it("grows with the counters planned, and never spends more than the spare minutes", () => {
    const result = suggestAppointmentCapacity({ ...base, countersPlanned: { 9: 6, 10: 7 } });
    // 09–10: 3 spare, 153 minutes. X's 114.75 buys 5 (100 min, remainder 0.74); Y's 38.25 buys 0
    // (remainder 0.85). The leftover 53 goes to the larger remainder first: Y's 45; 8 left.
    expect(result.hours[0]?.services.map((s) => s.suggestedCapacity)).toEqual([5, 1]);
    // 10–11: 2 spare, 102 minutes; no demand figures for X and Y then: equal shares of 51.
    // X buys 2 (40), Y buys 1 (45); leftover 17 buys nothing.
    expect(result.hours[1]).toMatchObject({ countersForWalkIns: 5, appointmentMinutes: 102 });
    expect(result.hours[1]?.services.map((s) => s.suggestedCapacity)).toEqual([2, 1]);
    for (const hour of result.hours) {
      const used = hour.services.reduce((sum, s) => {
        const service = appointmentServices.find((a) => a.serviceId === s.serviceId)!;
        return sum + s.suggestedCapacity * s.slots * service.handlingMinutes;
      }, 0);
      expect(used).toBeLessThanOrEqual(hour.appointmentMinutes);
    }
    expect(result.services).toEqual([
      { serviceId: "X", suggestedCapacity: 2 },
      { serviceId: "Y", suggestedCapacity: 1 },
    ]);
  });

  it("offers nothing where no slot starts, and refuses a nonsense occupancy", () => {
    const late = suggestAppointmentCapacity({
      ...base,
      appointmentServices: [{ serviceId: "Z", slotMinutes: 90, handlingMinutes: 10 }],
      countersPlanned: 10,
    });
    // A 90-minute slot from 09:00 fits once, starting at 9; none starts at 10.
    expect(late.hours.map((h) => h.services.map((s) => s.slots))).toEqual([[1], []]);
    expect(() => suggestAppointmentCapacity({ ...base, countersPlanned: 4, occupancy: 0 })).toThrow(
      RangeError,
    );
  });
});
