import type { Alert, Language } from "@dost/shared";
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TEXTS } from "../../i18n/i18n.js";
import { CENTRE_ID, EMPLOYMENT, PENSIONS, SERVICES } from "../../test/monitoring-data.js";
import { fakeServer, renderWithServer } from "../../test/server.js";
import { AlertTray } from "./AlertTray.js";
import { live } from "../../test/fake-live.js";

/** The live connection, played by the test. */
vi.mock("@dost/shared/client", async (original) => ({
  ...(await original<object>()),
  connectLive: (await import("../../test/fake-live.js")).fakeConnectLive,
}));

afterEach(() => {
  cleanup();
  live.reset();
  localStorage.clear();
});

const OTHER_CENTRE = "1a2b3c4d-5e6f-4a0e-9a39-2f1e0c6b7d11";
const COUNTER_7 = "55555555-5555-4555-8555-555555555555";

const uncovered: Alert = {
  centreId: CENTRE_ID,
  id: "a1111111-1111-4111-8111-111111111111",
  key: `service_uncovered:${EMPLOYMENT}`,
  kind: "service_uncovered",
  serviceId: EMPLOYMENT,
  raisedAt: "2025-03-04T06:05:00.000Z",
  clearedAt: null,
  severity: "critical",
  suggestion: { action: "open_counter", counterId: COUNTER_7, counterLabel: "7", serviceId: EMPLOYMENT },
  details: { waiting: 4, longestWaitSeconds: 420 },
};

const overTarget: Alert = {
  centreId: CENTRE_ID,
  id: "a2222222-2222-4222-8222-222222222222",
  key: `wait_over_target:${PENSIONS}`,
  kind: "wait_over_target",
  serviceId: PENSIONS,
  raisedAt: "2025-03-04T06:10:00.000Z",
  clearedAt: null,
  severity: "warning",
  suggestion: {
    action: "add_service_to_counter",
    counterId: COUNTER_7,
    counterLabel: "3",
    serviceId: PENSIONS,
  },
  details: {
    waiting: 9,
    longestWaitSeconds: 720,
    targetWaitSeconds: 900,
    projectedWaitSeconds: 1020,
    coveringCounters: 1,
    trigger: "projected_wait",
  },
};

function renderTray(open: Alert[], language: Language = "en") {
  const server = fakeServer((url) =>
    url.pathname === `/api/v1/centres/${CENTRE_ID}/alerts` ? { body: { alerts: open } } : undefined,
  );
  const sound = vi.fn();
  renderWithServer(
    <AlertTray centreId={CENTRE_ID} services={SERVICES} timeZone="Asia/Baku" subscribe sound={sound} />,
    server.fetch,
    language,
  );
  return { server, sound };
}

const items = () => [...document.querySelectorAll<HTMLElement>(".alert-item")];

describe("the alert tray", () => {
  it.each<Language>(["az", "ru", "en"])(
    "lists the open alerts with their suggested action in plain words, in %s",
    async (language) => {
      const { sound } = renderTray([uncovered], language);
      const t = TEXTS[language];
      const employment = `${SERVICES[1]!.name[language]} (E)`;
      await waitFor(() => expect(items()).toHaveLength(1));
      const item = items()[0]!;
      expect(item.textContent).toContain(t.alerts.kind.service_uncovered({ service: employment }));
      expect(item.textContent).toContain(t.alerts.detail.service_uncovered({ waiting: 4, longest: 7 }));
      // "Open counter 7 for Employment (E)", in the manager's language.
      expect(item.textContent).toContain(t.alerts.do.open_counter({ counter: "7", service: employment }));
      expect(item.textContent).toContain(t.alerts.raisedAt({ time: "10:05:00" }));
      expect(screen.getByRole("heading", { level: 2 }).textContent).toContain(t.alerts.count({ count: 1 }));
      // Alerts open before the screen loaded do not chime.
      expect(sound).not.toHaveBeenCalled();
    },
  );

  it("adds raised alerts and drops cleared ones live, chiming for each new one, only for its centre", async () => {
    const { sound } = renderTray([uncovered]);
    await waitFor(() => expect(items()).toHaveLength(1));

    act(() => live.send("alert:raised", overTarget));
    expect(items()).toHaveLength(2);
    // Newest first, and announced once for a screen reader.
    expect(items()[0]!.textContent).toContain("Pensions (A): the wait is heading over its target");
    expect(items()[0]!.textContent).toContain("Add Pensions (A) to counter 3's services");
    expect(sound).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("status").textContent).toBe(
      "New alert: Pensions (A): the wait is heading over its target",
    );

    // The same alert turning critical replaces it in place and chimes again; a repeat does not.
    act(() => live.send("alert:raised", { ...overTarget, severity: "critical" }));
    expect(items()).toHaveLength(2);
    expect(items()[0]!.className).toContain("critical");
    expect(items()[0]!.textContent).toContain("Pensions (A): the wait is over its target");
    expect(sound).toHaveBeenCalledTimes(2);
    act(() => live.send("alert:raised", { ...overTarget, severity: "critical" }));
    expect(sound).toHaveBeenCalledTimes(2);

    // Another centre's alert is not ours.
    act(() =>
      live.send("alert:raised", {
        ...overTarget,
        id: "a3333333-3333-4333-8333-333333333333",
        key: "x",
        centreId: OTHER_CENTRE,
      }),
    );
    expect(items()).toHaveLength(2);
    expect(sound).toHaveBeenCalledTimes(2);

    act(() =>
      live.send("alert:cleared", {
        centreId: CENTRE_ID,
        id: uncovered.id,
        key: uncovered.key,
        kind: uncovered.kind,
        clearedAt: "2025-03-04T06:20:00.000Z",
      }),
    );
    expect(items()).toHaveLength(1);
    expect(items()[0]!.dataset.kind).toBe("wait_over_target");
  });

  it("stays silent when muted from the keyboard, and remembers it", async () => {
    const { sound } = renderTray([]);
    await screen.findByText("No open alerts: every queue looks fine.");
    const mute = screen.getByRole("button", { name: "Mute the alert sound" });
    expect(mute.getAttribute("aria-pressed")).toBe("false");
    mute.focus();
    await userEvent.keyboard("{Enter}");
    expect(mute.getAttribute("aria-pressed")).toBe("true");
    expect(localStorage.getItem("dost.console.alertsMuted")).toBe("1");

    act(() => live.send("alert:raised", overTarget));
    expect(items()).toHaveLength(1);
    expect(sound).not.toHaveBeenCalled();

    await userEvent.keyboard("{Enter}");
    act(() => live.send("alert:raised", uncovered));
    expect(sound).toHaveBeenCalledTimes(1);
  });

  it("reads the open alerts again on every reconnect, and watches the centre", async () => {
    const { server } = renderTray([uncovered]);
    await waitFor(() => expect(items()).toHaveLength(1));
    const reads = () => server.requests.filter((u) => u.pathname.endsWith("/alerts")).length;
    const before = reads();
    act(() => live.connect());
    await waitFor(() => expect(reads()).toBe(before + 1));
    expect(live.subscriptions[0]?.centreId).toBe(CENTRE_ID);
    expect(within(items()[0]!).getByText(/Open counter 7/)).toBeTruthy();
  });
});
