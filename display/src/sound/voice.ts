import type { Language } from "@dost/shared";
import { LOCALES } from "../i18n/messages.js";

/** Speaks one phrase and resolves when it is over, whatever happens to the speech engine. */
export type Speak = (text: string, lang: Language) => Promise<void>;

/** The part of window.speechSynthesis the display uses. */
export type SpeechEngine = Pick<SpeechSynthesis, "speak" | "cancel" | "getVoices">;
export type UtteranceFactory = (text: string) => SpeechSynthesisUtterance;

/**
 * `onend` is known to go missing (Chrome drops it when an utterance is garbage-collected, or when the
 * engine stalls), so each phrase also has a deadline generous enough for a slow voice.
 */
export function speechDeadlineMs(text: string): number {
  return Math.min(20_000, 4_000 + text.length * 150);
}

function voiceFor(engine: SpeechEngine, lang: Language): SpeechSynthesisVoice | null {
  const prefix = lang.toLowerCase();
  return (
    engine.getVoices().find((voice) => voice.lang.toLowerCase().replace("_", "-").startsWith(prefix)) ?? null
  );
}

export function createSpeak(engine: SpeechEngine, makeUtterance: UtteranceFactory): Speak {
  return (text, lang) =>
    new Promise<void>((resolve) => {
      const utterance = makeUtterance(text);
      utterance.lang = LOCALES[lang];
      utterance.rate = 0.9;
      const voice = voiceFor(engine, lang);
      if (voice) utterance.voice = voice;
      let timer: ReturnType<typeof setTimeout> | undefined = undefined;
      // The handlers keep `utterance` reachable until it finishes, which is what stops Chrome from
      // collecting it mid-sentence and never firing onend.
      const finish = () => {
        clearTimeout(timer);
        utterance.onend = null;
        utterance.onerror = null;
        resolve();
      };
      utterance.onend = finish;
      utterance.onerror = finish;
      timer = setTimeout(() => {
        // Past the deadline the engine is stuck, not speaking: clear it so the next call is heard.
        engine.cancel();
        finish();
      }, speechDeadlineMs(text));
      engine.speak(utterance);
    });
}

/** The browser's speech, or null where there is none (the page still shows every call). */
export function browserSpeak(): Speak | null {
  if (typeof window === "undefined" || !("speechSynthesis" in window)) return null;
  if (typeof SpeechSynthesisUtterance === "undefined") return null;
  return createSpeak(window.speechSynthesis, (text) => new SpeechSynthesisUtterance(text));
}
