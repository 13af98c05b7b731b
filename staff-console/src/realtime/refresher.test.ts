import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRefresher } from "./refresher.js";

describe("createRefresher", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("turns a burst of events into one fetch", async () => {
    const run = vi.fn(() => Promise.resolve());
    const refresher = createRefresher(run, 200);
    for (let i = 0; i < 10; i++) refresher.request();
    await vi.advanceTimersByTimeAsync(250);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("fetches once more when an event arrives during a fetch", async () => {
    let finish = () => {};
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const refresher = createRefresher(run, 100);
    refresher.request();
    await vi.advanceTimersByTimeAsync(150);
    expect(run).toHaveBeenCalledTimes(1);
    refresher.request();
    refresher.request();
    await vi.advanceTimersByTimeAsync(150);
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(150);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("does nothing after stop", async () => {
    const run = vi.fn(() => Promise.resolve());
    const refresher = createRefresher(run, 100);
    refresher.request();
    refresher.stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(run).not.toHaveBeenCalled();
  });
});
