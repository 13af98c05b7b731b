import { canTransition, TICKET_STATUSES, type TicketStatus } from "@dost/shared";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup } from "@testing-library/react";
import { aTicket, renderInLanguage } from "../test/render.js";
import { VisitorPanel, type VisitorPanelProps } from "./VisitorPanel.js";
import { VISITOR_ACTIONS, type VisitorAction } from "./visitor-actions.js";

afterEach(cleanup);

const LABELS: Record<VisitorAction | "callNext", string> = {
  callNext: "Call next",
  recall: "Recall",
  start: "Start",
  complete: "Complete",
  noShow: "No-show",
  transfer: "Transfer",
  cancel: "Cancel ticket",
};

/**
 * Written out by hand from the lifecycle (CONTRACT.md), not computed from it: if the shared table
 * and this ever disagree, one of them is wrong and a person must decide which.
 */
const EXPECTED: Record<TicketStatus, (VisitorAction | "callNext")[]> = {
  waiting: ["callNext", "transfer", "cancel"],
  called: ["recall", "start", "noShow", "transfer", "cancel"],
  serving: ["complete", "transfer", "cancel"],
  done: ["callNext"],
  no_show: ["callNext"],
  cancelled: ["callNext"],
  expired: ["callNext"],
};

function renderPanel(overrides: Partial<VisitorPanelProps> = {}) {
  const props: VisitorPanelProps = {
    ticket: null,
    service: undefined,
    counterStatus: "open",
    lock: { busy: false, pending: null },
    onCallNext: vi.fn(),
    onAction: vi.fn(),
    onUndo: vi.fn(),
    onSendNow: vi.fn(),
    ...overrides,
  };
  renderInLanguage(<VisitorPanel {...props} />);
  return props;
}

function enabledButtons(): string[] {
  const group = screen.getByRole("group", { name: "Actions on the visitor" });
  return (Object.keys(LABELS) as (keyof typeof LABELS)[]).filter(
    (key) => !within(group).getByRole("button", { name: LABELS[key] }).hasAttribute("disabled"),
  );
}

describe("VisitorPanel", () => {
  it.each(TICKET_STATUSES)("enables exactly the actions a %s ticket allows", (status) => {
    renderPanel({ ticket: aTicket(status) });
    expect(enabledButtons().sort()).toEqual([...EXPECTED[status]].sort());
  });

  it.each(TICKET_STATUSES)("agrees with the shared lifecycle table for a %s ticket", (status) => {
    renderPanel({ ticket: aTicket(status) });
    const enabled = enabledButtons();
    for (const action of VISITOR_ACTIONS)
      expect(enabled.includes(action)).toBe(canTransition(status, action));
  });

  it("offers only Call next when nobody is at the counter", () => {
    renderPanel();
    expect(enabledButtons()).toEqual(["callNext"]);
    expect(screen.getByText(/Nobody at the counter/)).toBeTruthy();
  });

  it("enables nothing while the counter is on a break", () => {
    renderPanel({ counterStatus: "break" });
    expect(enabledButtons()).toEqual([]);
  });

  it("enables nothing while a request is under way, so a double press cannot act twice", () => {
    renderPanel({ ticket: aTicket("called"), lock: { busy: true, pending: null } });
    expect(enabledButtons()).toEqual([]);
  });

  it("holds a final action with Undo, and lets Call next send it at once", async () => {
    const ticket = aTicket("serving");
    const props = renderPanel({
      ticket,
      lock: { busy: false, pending: { ticket, action: "complete", deadline: Date.now() + 5000 } },
    });
    expect(enabledButtons()).toEqual(["callNext"]);
    expect(screen.getByText(/A042 will be marked served in [45] s/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(props.onUndo).toHaveBeenCalledOnce();
  });

  it("shows each action's key on its button and announces it to assistive technology", () => {
    renderPanel({ ticket: aTicket("called") });
    const recall = screen.getByRole("button", { name: "Recall" });
    expect(recall.getAttribute("aria-keyshortcuts")).toBe("R");
    expect(recall.querySelector("kbd")?.textContent).toBe("R");
    expect(screen.getByRole("button", { name: "Cancel ticket" }).getAttribute("aria-keyshortcuts")).toBe(
      "Delete",
    );
  });

  it("reports the pressed action", async () => {
    const props = renderPanel({ ticket: aTicket("called") });
    await userEvent.click(screen.getByRole("button", { name: "Start" }));
    expect(props.onAction).toHaveBeenCalledWith("start");
  });

  it("shows the code, priority group, waited time and running timers", () => {
    renderPanel({ ticket: aTicket("serving", { priority: "veteran" }) });
    expect(screen.getByTestId("current-code").textContent).toBe("A042");
    expect(screen.getByText("War veteran")).toBeTruthy();
    expect(screen.getByText("13:00")).toBeTruthy();
    expect(screen.getByTestId("since-called").textContent).toBe("2:00");
    expect(screen.getByTestId("since-started").textContent).toBe("1:00");
  });

  it("speaks the employee's language", () => {
    cleanup();
    renderInLanguage(
      <VisitorPanel
        ticket={aTicket("called")}
        service={undefined}
        counterStatus="open"
        lock={{ busy: false, pending: null }}
        onCallNext={() => {}}
        onAction={() => {}}
        onUndo={() => {}}
        onSendNow={() => {}}
      />,
      "az",
    );
    expect(screen.getByRole("button", { name: "Növbətini çağır" })).toBeTruthy();
  });
});
