import type { Language } from "@dost/shared";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAnnouncer, MAX_WAITING } from "./announcer.js";

/** A voice whose phrases end only when the test says so, recording what overlapped. */
function fakeVoice() {
  const heard: { text: string; lang: Language }[] = [];
  const pending: (() => void)[] = [];
  let speaking = 0;
  let overlaps = 0;
  const speak = (text: string, lang: Language) =>
    new Promise<void>((resolve) => {
      if (speaking > 0) overlaps += 1;
      speaking += 1;
      heard.push({ text, lang });
      pending.push(() => {
        speaking -= 1;
        resolve();
      });
    });
  return {
    speak,
    heard,
    overlaps: () => overlaps,
    /** Ends the phrase being spoken and lets the announcer move on. */
    async finish() {
      pending.shift()?.();
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

const call = (code: string, counterLabel = "5", recall = false) => ({ code, counterLabel, recall });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("announcer", () => {
  it("chimes, then speaks each language in order, one phrase at a time", async () => {
    const voice = fakeVoice();
    const chime = vi.fn(() => Promise.resolve());
    const announcer = createAnnouncer({ chime, speak: voice.speak, langs: ["az", "ru", "en"] });
    announcer.announce(call("B042"));
    await vi.advanceTimersByTimeAsync(0);
    expect(chime).toHaveBeenCalledTimes(1);
    expect(voice.heard.map((h) => h.lang)).toEqual(["az"]);
    await voice.finish();
    expect(voice.heard.map((h) => h.lang)).toEqual(["az", "ru"]);
    await voice.finish();
    await voice.finish();
    expect(voice.heard.map((h) => h.lang)).toEqual(["az", "ru", "en"]);
    expect(voice.heard[0]?.text).toBe("Bilet be, 42. 5 nömrəli masaya yaxınlaşın.");
  });

  it("announces calls that arrive together one after another, never over each other", async () => {
    const voice = fakeVoice();
    const announcer = createAnnouncer({
      chime: () => Promise.resolve(),
      speak: voice.speak,
      langs: ["en", "ru"],
    });
    announcer.announce(call("A001", "1"));
    announcer.announce(call("A002", "2"));
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 4; i++) {
      await voice.finish();
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(voice.heard.map((h) => h.text)).toEqual([
      "Ticket A, 1. Please go to counter 1.",
      "Талон а, 1. Пройдите к окну 1.",
      "Ticket A, 2. Please go to counter 2.",
      "Талон а, 2. Пройдите к окну 2.",
    ]);
    expect(voice.overlaps()).toBe(0);
  });

  it("keeps a recall as its own announcement but not the same call twice in the queue", async () => {
    const voice = fakeVoice();
    const announcer = createAnnouncer({ chime: () => Promise.resolve(), speak: voice.speak, langs: ["en"] });
    announcer.announce(call("A001"));
    announcer.announce(call("A002"));
    announcer.announce(call("A002"));
    announcer.announce(call("A002", "5", true));
    expect(announcer.waiting()).toBe(2);
  });

  it("bounds the queue, dropping the oldest waiting call", () => {
    const announcer = createAnnouncer({ chime: () => new Promise(() => {}), speak: null, langs: ["az"] });
    for (let i = 0; i < MAX_WAITING + 10; i++) announcer.announce(call(`A${String(i).padStart(3, "0")}`));
    expect(announcer.waiting()).toBe(MAX_WAITING);
  });

  it("still chimes when the browser has no speech", async () => {
    const chime = vi.fn(() => Promise.resolve());
    const announcer = createAnnouncer({ chime, speak: null, langs: ["az", "ru", "en"] });
    announcer.announce(call("A001"));
    announcer.announce(call("A002"));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(chime).toHaveBeenCalledTimes(2);
    expect(announcer.waiting()).toBe(0);
  });

  it("goes quiet and forgets its queue when stopped", async () => {
    const voice = fakeVoice();
    const announcer = createAnnouncer({
      chime: () => Promise.resolve(),
      speak: voice.speak,
      langs: ["az", "en"],
    });
    announcer.announce(call("A001"));
    announcer.announce(call("A002"));
    await vi.advanceTimersByTimeAsync(0);
    announcer.stop();
    await voice.finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(voice.heard).toHaveLength(1);
    announcer.announce(call("A003"));
    expect(announcer.waiting()).toBe(0);
  });
});
