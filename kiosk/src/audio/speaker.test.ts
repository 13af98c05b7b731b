import { describe, expect, it, vi } from "vitest";
import { createSpeaker, voiceFor, type SpeechEngine } from "./speaker.js";

class FakeUtterance {
  lang = "";
  rate = 1;
  voice: SpeechSynthesisVoice | null = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

const voices = (...langs: string[]) =>
  langs.map((lang) => ({ lang, name: `voice ${lang}` })) as unknown as SpeechSynthesisVoice[];

function fakeEngine(available: SpeechSynthesisVoice[] = []) {
  const log: string[] = [];
  const spoken: FakeUtterance[] = [];
  const engine = {
    speak: vi.fn((u: SpeechSynthesisUtterance) => {
      const utterance = u as unknown as FakeUtterance;
      spoken.push(utterance);
      log.push(`speak ${utterance.text}`);
    }),
    cancel: vi.fn(() => void log.push("cancel")),
    getVoices: () => available,
  } satisfies SpeechEngine;
  return { engine, spoken, log };
}

const makeUtterance = (text: string) => new FakeUtterance(text) as unknown as SpeechSynthesisUtterance;

describe("the voice for a language", () => {
  it("prefers the kiosk's exact locale, then any voice of the language", () => {
    expect(voiceFor(voices("en-US", "en-GB"), "en")?.lang).toBe("en-GB");
    expect(voiceFor(voices("de-DE", "ru_RU"), "ru")?.lang).toBe("ru_RU");
  });

  it("reads Azerbaijani with a Turkish voice when there is no Azerbaijani one", () => {
    expect(voiceFor(voices("en-GB", "tr-TR"), "az")?.lang).toBe("tr-TR");
    expect(voiceFor(voices("tr-TR", "az-AZ"), "az")?.lang).toBe("az-AZ");
  });

  it("leaves the choice to the engine when no voice fits", () => {
    expect(voiceFor(voices("en-GB", "de-DE"), "ru")).toBeNull();
    // "en" must not match a voice whose tag merely starts with those letters.
    expect(voiceFor(voices("eng-XX"), "en")).toBeNull();
  });
});

describe("the speaker", () => {
  it("cuts off what it was saying and says the new phrases in order, each in its language", () => {
    const { engine, spoken, log } = fakeEngine(voices("ru-RU", "en-GB"));
    const speaker = createSpeaker(engine, makeUtterance);
    speaker.say([
      { text: "Голосовой режим.", lang: "ru" },
      { text: "   ", lang: "en" },
      { text: "Audio mode.", lang: "en" },
    ]);
    expect(log).toEqual(["cancel", "speak Голосовой режим.", "speak Audio mode."]);
    expect(spoken.map((u) => [u.lang, (u.voice as unknown as { name: string } | null)?.name])).toEqual([
      ["ru-RU", "voice ru-RU"],
      ["en-GB", "voice en-GB"],
    ]);
    speaker.stop();
    expect(engine.cancel).toHaveBeenCalledTimes(2);
  });
});
