import { describe, expect, it } from "vitest";
import { DOST_LIKE_DAY } from "./day-config.js";
import { generateDay, meanOccupancySeconds } from "./day-plan.js";

const config = DOST_LIKE_DAY;
const days = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"];

describe("day plan", () => {
  it("draws the same day from the same seed, another from another", () => {
    expect(generateDay(config, "2026-03-02", 1)).toEqual(generateDay(config, "2026-03-02", 1));
    expect(generateDay(config, "2026-03-02", 2).visitors).not.toEqual(
      generateDay(config, "2026-03-02", 1).visitors,
    );
  });

  it("offers about the configured utilisation of the staffed counter time", () => {
    for (const date of days) {
      const plan = generateDay(config, date, 1);
      const offered = plan.visitors.reduce((sum, v) => sum + v.occupancySeconds, 0);
      const staffed = plan.counters.reduce(
        (sum, c) => sum + (c.closesAt - c.opensAt) / 1000 - c.breaks.reduce((b, x) => b + x.minutes * 60, 0),
        0,
      );
      expect(offered / staffed).toBeGreaterThan(0.75);
      expect(offered / staffed).toBeLessThan(0.95);
    }
  });

  it("has about 12% priority walk-ins, a morning peak, and tickets only while the centre issues them", () => {
    const plans = days.map((d) => generateDay(config, d, 1));
    const walkIns = plans.flatMap((p) =>
      p.visitors.filter((v) => v.kind === "walk_in" && v.bookingId === null),
    );
    const priority = walkIns.filter((v) => v.priority !== "none").length / walkIns.length;
    expect(priority).toBeGreaterThan(0.09);
    expect(priority).toBeLessThan(0.15);
    const hourOf = (p: (typeof plans)[number], t: number) => Math.floor((t - p.opensAt) / 3_600_000);
    const byHour = new Array<number>(9).fill(0);
    for (const p of plans)
      for (const v of p.visitors) if (v.kind === "walk_in") byHour[hourOf(p, v.arrivesAt)]!++;
    expect(byHour[2]!).toBeGreaterThan(byHour[0]!);
    expect(byHour[2]!).toBeGreaterThan(byHour[7]!);
    for (const p of plans)
      for (const v of p.visitors) {
        expect(v.arrivesAt).toBeGreaterThanOrEqual(p.opensAt);
        expect(v.arrivesAt).toBeLessThanOrEqual(p.closesAt);
        if (v.kind === "walk_in") expect(v.arrivesAt).toBeLessThanOrEqual(p.lastTicketAt);
      }
  });

  it("checks booked visitors in within the window, and leaves no-shows without a visitor", () => {
    const plan = generateDay(config, "2026-03-02", 3);
    const byId = new Map(plan.visitors.map((v) => [v.id, v]));
    let shows = 0;
    for (const b of plan.bookings) {
      if (b.visitorId === null) continue;
      shows++;
      const v = byId.get(b.visitorId)!;
      expect(v).toMatchObject({
        kind: "appointment",
        serviceId: b.serviceId,
        appointmentAt: b.start,
        priority: "none",
      });
      expect(v.arrivesAt).toBeGreaterThanOrEqual(b.start - config.checkInWindow.beforeMinutes * 60_000);
      expect(v.arrivesAt).toBeLessThanOrEqual(b.start + config.checkInWindow.afterMinutes * 60_000);
    }
    expect(shows / plan.bookings.length).toBeGreaterThan(0.7);
    expect(shows / plan.bookings.length).toBeLessThan(0.95);
  });

  it("draws visits around the configured handling times", () => {
    const plans = days.map((d) => generateDay(config, d, 1));
    for (const spec of config.services) {
      const visits = plans.flatMap((p) => p.visitors.filter((v) => v.serviceId === spec.serviceId));
      const mean = visits.reduce((s, v) => s + v.occupancySeconds, 0) / visits.length;
      expect(mean / meanOccupancySeconds(spec, config)).toBeGreaterThan(0.85);
      expect(mean / meanOccupancySeconds(spec, config)).toBeLessThan(1.15);
    }
  });
});
