import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@dost/shared/client";
import { calledEvent, CENTRE, fakeApi, fakeChannel } from "../test/fakes.js";
import { createHallStore, HIGHLIGHT_MS, OFFLINE_AFTER_MS, REFRESH_EVERY_MS } from "./hall-store.js";

function setup(zone: string | null = null) {
  const channel = fakeChannel();
  const { api, state } = fakeApi();
  const announced: string[] = [];
  const store = createHallStore({
    api,
    openChannel: channel.open,
    deviceKey: "demo-display-BAKU-1",
    centreId: CENTRE.id,
    timeZone: CENTRE.timezone,
    zone,
    announce: (call) => announced.push(call.code),
  });
  const unsubscribe = store.subscribe(() => {});
  const codes = () => store.getSnapshot().calls.map((c) => c.code);
  return { store, channel, api, state, announced, unsubscribe, codes };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("hall store", () => {
  it("builds the screen from display-state on connect, without announcing old calls", async () => {
    const { store, channel, state, announced, codes } = setup();
    const first = calledEvent("A001", { label: "1" });
    state.recentCalls = [calledEvent("A002", { label: "2" }), first];
    state.displayMessage = { az: "Salam", ru: "Привет", en: "Hello" };
    expect(store.getSnapshot().loaded).toBe(false);
    channel.server().connected();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getSnapshot()).toMatchObject({ loaded: true, connection: "online" });
    expect(codes()).toEqual(["A002", "A001"]);
    expect(store.getSnapshot().message?.en).toBe("Hello");
    expect(announced).toEqual([]);
  });

  it("shows, highlights and announces a live call, and ends the highlight", async () => {
    const { store, channel, announced } = setup();
    channel.server().connected();
    await vi.advanceTimersByTimeAsync(0);
    channel.server().called(calledEvent("B042", { label: "5" }));
    expect(store.getSnapshot().calls[0]?.code).toBe("B042");
    expect(store.getSnapshot().calls[0]?.highlightUntil).toBeGreaterThan(0);
    expect(announced).toEqual(["B042"]);
    await vi.advanceTimersByTimeAsync(HIGHLIGHT_MS);
    expect(store.getSnapshot().calls[0]?.highlightUntil).toBe(0);
  });

  it("keeps a live call that arrives while display-state is being fetched", async () => {
    const { store, channel, api, codes } = setup();
    let answer: (value: Awaited<ReturnType<typeof api.displayState>>) => void = () => {};
    api.displayState.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    channel.server().connected();
    channel.server().called(calledEvent("C003", { label: "3" }));
    answer({
      centreId: CENTRE.id,
      recentCalls: [calledEvent("C001", { label: "1" }, { calledAt: "2020-01-01T09:00:00+04:00" })],
      services: [],
      displayMessage: null,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(codes()).toEqual(["C003", "C001"]);
    expect(store.getSnapshot().loaded).toBe(true);
  });

  it("shows the offline badge only after a few seconds without a connection", async () => {
    const { store, channel } = setup();
    channel.server().connected();
    await vi.advanceTimersByTimeAsync(0);
    channel.server().disconnected();
    await vi.advanceTimersByTimeAsync(OFFLINE_AFTER_MS - 1);
    expect(store.getSnapshot().connection).toBe("online");
    await vi.advanceTimersByTimeAsync(1);
    expect(store.getSnapshot().connection).toBe("offline");
    channel.server().connected();
    expect(store.getSnapshot().connection).toBe("online");
  });

  it("shows the badge when it never manages to connect", async () => {
    const { store } = setup();
    await vi.advanceTimersByTimeAsync(OFFLINE_AFTER_MS);
    expect(store.getSnapshot().connection).toBe("offline");
  });

  it("after a reconnect shows the calls it missed and announces the recent ones, oldest first", async () => {
    const { store, channel, state, announced, codes } = setup();
    channel.server().connected();
    await vi.advanceTimersByTimeAsync(0);
    channel.server().disconnected();
    const longAgo = calledEvent(
      "D001",
      { label: "1" },
      { calledAt: new Date(Date.now() - 10 * 60_000).toISOString() },
    );
    const missed1 = calledEvent("D002", { label: "2" });
    const missed2 = calledEvent("D003", { label: "3" });
    state.recentCalls = [missed2, missed1, longAgo];
    channel.server().connected();
    await vi.advanceTimersByTimeAsync(0);
    expect(codes()).toEqual(["D003", "D002", "D001"]);
    expect(announced).toEqual(["D002", "D003"]);
    expect(
      store
        .getSnapshot()
        .calls.filter((c) => c.highlightUntil > 0)
        .map((c) => c.code),
    ).toEqual(["D003", "D002", "D001"]);
  });

  it("refetches when the display's settings change", async () => {
    const { store, channel, state } = setup();
    channel.server().connected();
    await vi.advanceTimersByTimeAsync(0);
    state.displayMessage = { az: "Yeni", ru: "Новое", en: "New" };
    channel.server().changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getSnapshot().message?.az).toBe("Yeni");
  });

  it("rebuilds now and then while connected, so yesterday's calls leave the screen", async () => {
    const { channel, state, api, codes } = setup();
    state.recentCalls = [calledEvent("G001", { label: "1" })];
    channel.server().connected();
    await vi.advanceTimersByTimeAsync(0);
    expect(codes()).toEqual(["G001"]);
    state.recentCalls = [];
    await vi.advanceTimersByTimeAsync(REFRESH_EVERY_MS);
    expect(api.displayState).toHaveBeenCalledTimes(2);
    expect(codes()).toEqual([]);
  });

  it("retries display-state with a backoff while the server cannot answer", async () => {
    const { store, channel, api } = setup();
    api.displayState
      .mockRejectedValueOnce(ApiError.unreachable("down"))
      .mockRejectedValueOnce(ApiError.unreachable("down"));
    channel.server().connected();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getSnapshot().loaded).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(api.displayState).toHaveBeenCalledTimes(3);
    expect(store.getSnapshot().loaded).toBe(true);
  });

  it("reports a refused key and closes the channel", async () => {
    const { store, channel, api } = setup();
    api.displayState.mockRejectedValueOnce(
      new ApiError({ status: 401, code: "UNAUTHENTICATED", message: "no" }),
    );
    channel.server().connected();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getSnapshot().refused).toBe(true);
    expect(channel.state.closed).toBe(1);
  });

  it("leaves out other zones' calls", async () => {
    const { channel, state, announced, codes } = setup("first");
    state.recentCalls = [
      calledEvent("E002", { label: "14", zone: "first" }),
      calledEvent("E001", { label: "2", zone: "ground" }),
    ];
    channel.server().connected();
    await vi.advanceTimersByTimeAsync(0);
    channel.server().called(calledEvent("E003", { label: "3", zone: "ground" }));
    channel.server().called(calledEvent("E004", { label: "15", zone: "first" }));
    expect(codes()).toEqual(["E004", "E002"]);
    expect(announced).toEqual(["E004"]);
  });

  it("keeps its zone's older calls that the server's window of the last 10 no longer holds", async () => {
    const { channel, state, codes } = setup("first");
    const ours = calledEvent("H001", { label: "14", zone: "first" });
    state.recentCalls = [ours];
    channel.server().connected();
    await vi.advanceTimersByTimeAsync(0);
    // Ten later calls on the other floor fill the server's window.
    state.recentCalls = Array.from({ length: 10 }, (_, i) => calledEvent(`H1${i}`, { label: "2" })).reverse();
    channel.server().changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(codes()).toEqual(["H001"]);
    // A window that is not full is the whole day: the screen follows it exactly.
    state.recentCalls = [];
    channel.server().changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(codes()).toEqual([]);
  });

  it("leaves no timer running and closes the channel when the last subscriber leaves", async () => {
    const { channel, unsubscribe } = setup();
    channel.server().connected();
    await vi.advanceTimersByTimeAsync(0);
    channel.server().called(calledEvent("F001", { label: "1" }));
    channel.server().disconnected();
    unsubscribe();
    expect(channel.state.closed).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
