import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSpeak, speechDeadlineMs, type SpeechEngine } from "./voice.js";

/** Just enough of SpeechSynthesisUtterance for the speak function. */
class FakeUtterance {
  lang = "";
  rate = 1;
  voice: SpeechSynthesisVoice | null = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

function fakeEngine(voices: { lang: string; name: string }[] = []) {
  const spoken: FakeUtterance[] = [];
  const engine = {
    speak: vi.fn((u: SpeechSynthesisUtterance) => {
      spoken.push(u as unknown as FakeUtterance);
    }),
    cancel: vi.fn(),
    getVoices: () => voices as unknown as SpeechSynthesisVoice[],
  } satisfies SpeechEngine;
  return { engine, spoken };
}

const makeUtterance = (text: string) => new FakeUtterance(text) as unknown as SpeechSynthesisUtterance;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("speak", () => {
  it("resolves when the phrase ends, with the language's tag and a matching voice", async () => {
    const { engine, spoken } = fakeEngine([
      { lang: "en-US", name: "English" },
      { lang: "ru_RU", name: "Russian" },
    ]);
    const speak = createSpeak(engine, makeUtterance);
    let done = false;
    void speak("Талон", "ru").then(() => (done = true));
    expect(spoken[0]?.lang).toBe("ru-RU");
    expect((spoken[0]?.voice as unknown as { name: string }).name).toBe("Russian");
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    spoken[0]?.onend?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    expect(engine.cancel).not.toHaveBeenCalled();
  });

  it("moves on after a deadline when onend never fires, clearing the stuck engine", async () => {
    const { engine } = fakeEngine();
    const speak = createSpeak(engine, makeUtterance);
    const text = "Ticket B, 42. Please go to counter 5.";
    let done = false;
    void speak(text, "en").then(() => (done = true));
    await vi.advanceTimersByTimeAsync(speechDeadlineMs(text) - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(engine.cancel).toHaveBeenCalledTimes(1);
  });

  it("treats an error like an end", async () => {
    const { engine, spoken } = fakeEngine();
    const speak = createSpeak(engine, makeUtterance);
    const finished = speak("Bilet", "az");
    spoken[0]?.onerror?.();
    await expect(finished).resolves.toBeUndefined();
  });
});
