import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CENTRE_ID, SERVICES, liveStats, serviceFigures } from "../../test/monitoring-data.js";
import { fakeServer, renderWithServer } from "../../test/server.js";
import { LiveScreen } from "./LiveScreen.js";
import { live } from "../../test/fake-live.js";

/** The live connection, played by the test. */
vi.mock("@dost/shared/client", async (original) => ({
  ...(await original<object>()),
  connectLive: (await import("../../test/fake-live.js")).fakeConnectLive,
}));

afterEach(() => {
  cleanup();
  live.reset();
});

function liveServer() {
  const state = { waiting: 3 };
  const server = fakeServer((url) => {
    if (url.pathname.endsWith("/services")) return { body: { services: SERVICES } };
    if (url.pathname.endsWith("/alerts")) return { body: { alerts: [] } };
    if (url.pathname.endsWith("/staffing"))
      return { body: { targetWaitMinutes: 15, serviceLevelPercent: 80, basedOn: [], hours: [] } };
    if (url.pathname.endsWith("/stats/live"))
      return { body: liveStats({ services: [serviceFigures({ waiting: state.waiting })] }) };
    return undefined;
  });
  const statsRequests = () => server.requests.filter((u) => u.pathname.endsWith("/stats/live")).length;
  return { state, server, statsRequests };
}

const waitingShown = () =>
  within(document.querySelector('tr[data-service="pensions"]') as HTMLElement).getByTestId("waiting")
    .textContent;

describe("the live screen", () => {
  it("fetches the figures again once per burst of the centre's events", async () => {
    const { state, server, statsRequests } = liveServer();
    renderWithServer(<LiveScreen centreId={CENTRE_ID} centre={null} subscribe />, server.fetch);
    await waitFor(() => expect(waitingShown()).toBe("3"));

    // An admin's socket asks to watch the centre on every (re)connect, which also rebuilds the screen.
    act(() => live.connect());
    await waitFor(() => expect(statsRequests()).toBe(2));
    // (The alert tray on the same connection asks too.)
    expect(live.subscriptions.length).toBeGreaterThan(0);
    for (const { centreId } of live.subscriptions) expect(centreId).toBe(CENTRE_ID);
    // Once the server confirms the room, the screen is rebuilt again: nothing sent meanwhile is lost.
    act(() => {
      for (const subscription of live.subscriptions) subscription.confirm(true);
    });
    await waitFor(() => expect(statsRequests()).toBe(3));

    state.waiting = 4;
    act(() => {
      live.send("ticket:updated", { centreId: CENTRE_ID });
      live.send("queue:changed", { centreId: CENTRE_ID });
      live.send("ticket:called", { centreId: CENTRE_ID });
      live.send("counter:changed", { centreId: CENTRE_ID });
    });
    await waitFor(() => expect(waitingShown()).toBe("4"));
    await new Promise((r) => setTimeout(r, 400));
    expect(statsRequests()).toBe(4);

    // Another centre's events are not ours.
    act(() => live.send("queue:changed", { centreId: "1a2b3c4d-5e6f-4a0e-9a39-2f1e0c6b7d11" }));
    await new Promise((r) => setTimeout(r, 400));
    expect(statsRequests()).toBe(4);
  });

  it("says when live updates are off", async () => {
    const { server } = liveServer();
    renderWithServer(<LiveScreen centreId={CENTRE_ID} centre={null} subscribe={false} />, server.fetch);
    await waitFor(() => expect(waitingShown()).toBe("3"));
    expect(screen.getByText(/Live updates are off/)).toBeTruthy();
    act(() => live.connect());
    expect(screen.queryByText(/Live updates are off/)).toBeNull();
    expect(live.subscriptions).toEqual([]);
  });
});
