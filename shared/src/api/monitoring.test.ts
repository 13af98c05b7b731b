import { describe, expect, it } from "vitest";
import { planStaffing } from "../domain/staffing.js";
import {
  alertClearedSchema,
  alertsQuerySchema,
  alertSuggestionSchema,
  alertThresholdsSchema,
  DEFAULT_ALERT_THRESHOLDS,
  staffingQuerySchema,
  staffingResponseSchema,
} from "./monitoring.js";

const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;

describe("alert thresholds", () => {
  it("fills every field from its default, so a centre without settings gets the full set", () => {
    expect(DEFAULT_ALERT_THRESHOLDS).toEqual({
      waitWarnShare: 0.8,
      waitClearShare: 0.6,
      projectedWait: true,
      surgeRatio: 1.5,
      surgeMinExcess: 8,
      surgeClearRatio: 1.2,
      idleMinutes: 3,
      overlongFactor: 1.5,
      uncoveredGraceSeconds: 60,
    });
  });

  it("keeps a centre's own values and defaults the rest", () => {
    expect(alertThresholdsSchema.parse({ idleMinutes: 5, waitWarnShare: 0.9 })).toMatchObject({
      idleMinutes: 5,
      waitWarnShare: 0.9,
      waitClearShare: 0.6,
    });
  });

  it("refuses a clearing level at or above the raising one, unknown fields and out-of-range values", () => {
    const problems = (value: unknown) =>
      alertThresholdsSchema.safeParse(value).error?.issues.map((i) => i.path.join("."));
    expect(problems({ waitWarnShare: 0.6 })).toEqual(["waitClearShare"]);
    expect(problems({ surgeRatio: 1.1 })).toEqual(["surgeClearRatio"]);
    expect(problems({ idleMinutes: 0 })).toEqual(["idleMinutes"]);
    expect(problems({ waitWarnShare: 1.5 })).toEqual(["waitWarnShare"]);
    expect(problems({ colour: "red" })).toEqual([""]);
  });
});

describe("staffing on the wire", () => {
  it("takes a date and nothing else", () => {
    expect(staffingQuerySchema.parse({ date: "2026-03-16" })).toEqual({ date: "2026-03-16" });
    expect(staffingQuerySchema.safeParse({ date: "16.03.2026" }).success).toBe(false);
    expect(staffingQuerySchema.safeParse({ date: "2026-03-16", centre: "x" }).success).toBe(false);
  });

  it("describes what planStaffing answers", () => {
    const plan = planStaffing({
      forecast: {
        date: "2026-03-16",
        basedOn: ["2026-03-09"],
        hours: [{ hour: 9, openMinutes: 60, total: 12.34, services: [{ serviceId: "A", arrivals: 12.34 }] }],
      },
      handlingMinutes: new Map([["A", 11.06]]),
      defaultHandlingMinutes: 10,
      targetWaitMinutes: 15,
      countersOpen: 2,
    });
    expect(staffingResponseSchema.parse(plan)).toEqual(plan);
    expect(plan.hours[0]).toMatchObject({ forecastArrivals: 12.3, handlingMinutes: 11.1 });
  });
});

describe("alert events and queries", () => {
  it("parses suggestions by their action and refuses an unknown one", () => {
    const open = { action: "open_counter", counterId: uuid(2), counterLabel: "7", serviceId: uuid(1) };
    expect(alertSuggestionSchema.parse(open)).toEqual(open);
    expect(alertSuggestionSchema.safeParse({ ...open, action: "panic" }).success).toBe(false);
    expect(alertSuggestionSchema.safeParse({ action: "open_counter", counterLabel: "7" }).success).toBe(
      false,
    );
  });

  it("carries a cleared alert's identity and time", () => {
    const cleared = {
      centreId: uuid(9),
      id: uuid(3),
      key: `counter_idle:${uuid(2)}`,
      kind: "counter_idle",
      clearedAt: "2026-03-16T10:05:00+04:00",
    };
    expect(alertClearedSchema.parse(cleared)).toEqual(cleared);
  });

  it("accepts an optional since time", () => {
    expect(alertsQuerySchema.parse({})).toEqual({});
    expect(alertsQuerySchema.safeParse({ since: "yesterday" }).success).toBe(false);
  });
});
