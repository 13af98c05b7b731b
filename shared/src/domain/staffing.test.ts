import { describe, expect, it } from "vitest";
import { forecastArrivals, type ArrivalForecast } from "./arrival-forecast.js";
import { planStaffing } from "./staffing.js";

// The published worked example (see erlang-c.test.ts): 200 arrivals an hour of 180 s each, 80 % to be
// called within 20 s, needs 14 counters; 14 counters call 88.8 % within it.
const forecast: ArrivalForecast = {
  date: "2026-03-16",
  basedOn: ["2026-03-09", "2026-03-02"],
  hours: [
    {
      // 150 of a 2-minute service and 50 of a 6-minute one: (150·2 + 50·6) / 200 = 3 minutes.
      hour: 10,
      openMinutes: 60,
      total: 200,
      services: [
        { serviceId: "A", arrivals: 150 },
        { serviceId: "B", arrivals: 50 },
      ],
    },
    {
      // The same rate in a half-open hour: 100 in 30 minutes.
      hour: 18,
      openMinutes: 30,
      total: 100,
      services: [{ serviceId: "C", arrivals: 100 }],
    },
    { hour: 13, openMinutes: 60, total: 0, services: [] },
  ],
};

const handlingMinutes = new Map([
  ["A", 2],
  ["B", 6],
]);

describe("staffing per hour", () => {
  const plan = planStaffing({
    forecast,
    handlingMinutes,
    // C has no handling figure of its own: the default, 3 minutes.
    defaultHandlingMinutes: 3,
    targetWaitMinutes: 1 / 3,
    countersOpen: { 10: 14, 18: 12 },
  });

  it("answers in the contract's shape, with the target and what the forecast rests on", () => {
    expect(plan.targetWaitMinutes).toBeCloseTo(1 / 3, 10);
    expect(plan.serviceLevelPercent).toBe(80);
    expect(plan.basedOn).toEqual(["2026-03-09", "2026-03-02"]);
    expect(plan.hours.map((h) => h.hour)).toEqual([10, 18, 13]);
  });

  it("weights handling by the service mix and needs the published 14 counters", () => {
    expect(plan.hours[0]).toEqual({
      hour: 10,
      forecastArrivals: 200,
      handlingMinutes: 3,
      countersNeeded: 14,
      countersOpen: 14,
      withinTargetPercent: 88.8,
    });
  });

  it("loads a half-open hour by its rate, not its count", () => {
    expect(plan.hours[1]).toMatchObject({ forecastArrivals: 100, countersNeeded: 14, countersOpen: 12 });
    // 12 counters call 64.0 % of this load within the target (Erlang C; the example's 12 agents).
    expect(plan.hours[1]?.withinTargetPercent).toBe(64);
  });

  it("needs nobody in an hour nobody is expected, and counts a missing plan as no counters", () => {
    expect(plan.hours[2]).toEqual({
      hour: 13,
      forecastArrivals: 0,
      handlingMinutes: 3,
      countersNeeded: 0,
      countersOpen: 0,
      withinTargetPercent: 100,
    });
  });

  it("adds counters for a stricter service level or a mean-wait cap", () => {
    const strict = planStaffing({
      forecast,
      handlingMinutes,
      defaultHandlingMinutes: 3,
      targetWaitMinutes: 1 / 3,
      serviceLevel: 0.9,
      countersOpen: 14,
    });
    // 14 counters give 88.8 %, short of 90 %; 15 give 94.1 %.
    expect(strict.hours[0]?.countersNeeded).toBe(15);
    expect(strict.hours[0]?.countersOpen).toBe(14);
    const capped = planStaffing({
      forecast,
      handlingMinutes,
      defaultHandlingMinutes: 3,
      targetWaitMinutes: 1 / 3,
      maxAverageWaitMinutes: 5 / 60,
      countersOpen: 14,
    });
    expect(capped.hours[0]?.countersNeeded).toBe(15);
  });

  it("runs from a history through the forecast to counters", () => {
    // Two recorded Mondays with 40 and 40 arrivals of a 15-minute service at nine: 10 erlangs.
    const fromHistory = planStaffing({
      forecast: forecastArrivals({
        date: "2026-03-16",
        history: [
          { date: "2026-03-09", hour: 9, serviceId: "P", arrivals: 40 },
          { date: "2026-03-02", hour: 9, serviceId: "P", arrivals: 40 },
        ],
        closedDates: new Set(),
        openingHours: {
          mon: [{ open: "09:00", close: "10:00" }],
          tue: [],
          wed: [],
          thu: [],
          fri: [],
          sat: [],
          sun: [],
        },
      }),
      handlingMinutes: new Map([["P", 15]]),
      defaultHandlingMinutes: 10,
      targetWaitMinutes: 10,
      countersOpen: 8,
    });
    // Ten erlangs, 80 % within 10 minutes of 15-minute visits: 11 counters give 65.0 %, 12 give 88.2 %.
    expect(fromHistory.hours).toEqual([
      {
        hour: 9,
        forecastArrivals: 40,
        handlingMinutes: 15,
        countersNeeded: 12,
        countersOpen: 8,
        withinTargetPercent: 0,
      },
    ]);
  });
});
