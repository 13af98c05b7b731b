import { describe, expect, it } from "vitest";
import { TICKET_STATUSES } from "../api/tickets.js";
import { TICKET_ACTIONS, TICKET_TRANSITIONS, canTransition, nextStatus } from "./ticket-lifecycle.js";

describe("ticket lifecycle", () => {
  it("follows the contract's path waiting → called → serving → done", () => {
    expect(nextStatus("call")).toBe("called");
    expect(nextStatus("start")).toBe("serving");
    expect(nextStatus("complete")).toBe("done");
    expect(canTransition("waiting", "call")).toBe(true);
    expect(canTransition("called", "start")).toBe(true);
    expect(canTransition("serving", "complete")).toBe(true);
  });

  it("lets nothing leave a final status", () => {
    for (const status of ["done", "no_show", "cancelled", "expired"] as const) {
      for (const action of TICKET_ACTIONS)
        expect(canTransition(status, action), `${status} ${action}`).toBe(false);
    }
  });

  it("answers every status and action pair from the table alone", () => {
    for (const status of TICKET_STATUSES) {
      for (const action of TICKET_ACTIONS) {
        const listed = (TICKET_TRANSITIONS[action].from as readonly string[]).includes(status);
        expect(canTransition(status, action)).toBe(listed);
      }
    }
  });

  it("puts a transferred ticket back to waiting and allows recall only while called", () => {
    expect(nextStatus("transfer")).toBe("waiting");
    expect(canTransition("called", "recall")).toBe(true);
    expect(canTransition("serving", "recall")).toBe(false);
    expect(canTransition("waiting", "complete")).toBe(false);
  });
});
