import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { soundIsBlocked } from "./sound-unlock.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("soundIsBlocked", () => {
  it("is false when the context is already running", async () => {
    expect(await soundIsBlocked({ state: "running", resume: () => Promise.resolve() })).toBe(false);
  });

  it("is false when resume() is allowed", async () => {
    const context: { state: AudioContextState; resume(): Promise<void> } = {
      state: "suspended",
      resume() {
        context.state = "running";
        return Promise.resolve();
      },
    };
    expect(await soundIsBlocked(context)).toBe(false);
  });

  it("is true when resume() never settles until a click, as under an autoplay policy", async () => {
    const result = soundIsBlocked({ state: "suspended", resume: () => new Promise<void>(() => {}) });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await result).toBe(true);
  });

  it("is true when resume() is refused", async () => {
    const result = soundIsBlocked({ state: "suspended", resume: () => Promise.reject(new Error("no")) });
    expect(await result).toBe(true);
  });
});
