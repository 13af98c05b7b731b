import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRIORITIES } from "../api/tickets.js";
import { DEFAULT_POLICY_WEIGHTS, pickNext, score, type QueueCandidate } from "./queue-policy.js";

const now = new Date("2026-11-23T10:00:00Z");
const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000);
const ticket = (
  id: string,
  secondsAgo: number,
  priority: QueueCandidate["priority"] = "none",
): QueueCandidate => ({
  id,
  serviceId: "s1",
  priority,
  queuedAt: at(secondsAgo),
  appointmentAt: null,
});

describe("queue policy", () => {
  it("calls the longest-waiting ticket among equals", () => {
    const next = pickNext(
      [ticket("a", 60), ticket("b", 300), ticket("c", 120)],
      ["s1"],
      now,
      DEFAULT_POLICY_WEIGHTS,
    );
    expect(next?.id).toBe("b");
  });

  it("puts a priority visitor ahead of walk-ins who waited less than the bonus", () => {
    const next = pickNext(
      [ticket("walk-in", 600), ticket("veteran", 10, "veteran")],
      ["s1"],
      now,
      DEFAULT_POLICY_WEIGHTS,
    );
    expect(next?.id).toBe("veteran");
  });

  it("serves a walk-in who waited longer than the bonus before a newly arrived priority visitor", () => {
    const next = pickNext(
      [ticket("walk-in", 1000), ticket("veteran", 10, "veteran")],
      ["s1"],
      now,
      DEFAULT_POLICY_WEIGHTS,
    );
    expect(next?.id).toBe("walk-in");
  });

  it("considers only the counter's services", () => {
    const other = { ...ticket("other", 5000), serviceId: "s2" };
    expect(pickNext([other, ticket("mine", 1)], ["s1"], now, DEFAULT_POLICY_WEIGHTS)?.id).toBe("mine");
    expect(pickNext([other], ["s1"], now, DEFAULT_POLICY_WEIGHTS)).toBeNull();
  });

  it("gives a checked-in appointment its bonus only from its slot time", () => {
    const early = { ...ticket("appt", 60), appointmentAt: new Date(now.getTime() + 600_000) };
    const due = { ...ticket("appt", 60), appointmentAt: at(0) };
    expect(pickNext([early, ticket("walk-in", 120)], ["s1"], now, DEFAULT_POLICY_WEIGHTS)?.id).toBe(
      "walk-in",
    );
    expect(pickNext([due, ticket("walk-in", 1200)], ["s1"], now, DEFAULT_POLICY_WEIGHTS)?.id).toBe("appt");
  });

  it("scores waited seconds plus the bonus", () => {
    expect(score(ticket("x", 100, "elderly"), now, DEFAULT_POLICY_WEIGHTS)).toBe(100 + 600);
  });

  it("never starves an ordinary visitor behind a stream of priority visitors", () => {
    const maxBonus = Math.max(...Object.values(DEFAULT_POLICY_WEIGHTS.priorityBonusSeconds));
    fc.assert(
      fc.property(
        // A priority visitor arrives every `gap` seconds; one counter serves one visitor every `service` seconds.
        fc.integer({ min: 10, max: 120 }),
        fc.integer({ min: 30, max: 300 }),
        fc.array(fc.constantFrom(...PRIORITIES.filter((p) => p !== "none")), { minLength: 1, maxLength: 20 }),
        (gap, service, groups) => {
          const start = now.getTime();
          const queue: QueueCandidate[] = [
            {
              id: "ordinary",
              serviceId: "s1",
              priority: "none",
              queuedAt: new Date(start),
              appointmentAt: null,
            },
          ];
          let arrivals = 0;
          for (let t = 0; ; t += service) {
            while (arrivals * gap <= t) {
              queue.push({
                id: `p${arrivals}`,
                serviceId: "s1",
                priority: groups[arrivals % groups.length] ?? "veteran",
                queuedAt: new Date(start + arrivals * gap * 1000),
                appointmentAt: null,
              });
              arrivals += 1;
            }
            const next = pickNext(queue, ["s1"], new Date(start + t * 1000), DEFAULT_POLICY_WEIGHTS);
            if (!next || next.id === "ordinary") return;
            // Only those who arrived within the largest bonus after the ordinary visitor may go first,
            // so however long the stream, the number served ahead of it is bounded.
            expect(next.queuedAt.getTime() - start).toBeLessThanOrEqual(maxBonus * 1000);
            queue.splice(queue.indexOf(next), 1);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
