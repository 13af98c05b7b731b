import type { Language } from "@dost/shared";
import { LOCALES } from "../i18n/i18n.js";

/** One thing to say, in the language whose voice should say it. */
export interface Phrase {
  text: string;
  lang: Language;
}

/** The part of window.speechSynthesis the kiosk uses. */
export type SpeechEngine = Pick<SpeechSynthesis, "speak" | "cancel" | "getVoices">;
export type UtteranceFactory = (text: string) => SpeechSynthesisUtterance;

export interface Speaker {
  /** Stops whatever is being said and says these, one after another. */
  say(phrases: readonly Phrase[]): void;
  stop(): void;
}

/**
 * Voices to try when a language has none of its own. Few systems ship an Azerbaijani voice; a
 * Turkish one reads Azerbaijani text far more intelligibly than the default (usually English) voice.
 */
const FALLBACK_VOICES: Record<Language, readonly string[]> = { az: ["tr"], ru: [], en: [] };

const tagOf = (voice: SpeechSynthesisVoice) => voice.lang.toLowerCase().replace("_", "-");

/**
 * The voice for a language: the kiosk's exact locale (en-GB), else any voice of the language, else
 * a related language's; null leaves the choice to the engine, which goes by the utterance's `lang`.
 */
export function voiceFor(
  voices: readonly SpeechSynthesisVoice[],
  lang: Language,
): SpeechSynthesisVoice | null {
  const exact = LOCALES[lang].toLowerCase();
  const found = voices.find((voice) => tagOf(voice) === exact);
  if (found) return found;
  for (const prefix of [lang, ...FALLBACK_VOICES[lang]]) {
    const voice = voices.find((v) => tagOf(v) === prefix || tagOf(v).startsWith(`${prefix}-`));
    if (voice) return voice;
  }
  return null;
}

export function createSpeaker(engine: SpeechEngine, makeUtterance: UtteranceFactory): Speaker {
  // Utterances are kept until they end: Chrome drops the events of one that is garbage-collected.
  const live = new Set<SpeechSynthesisUtterance>();
  return {
    say(phrases) {
      engine.cancel();
      live.clear();
      const voices = engine.getVoices();
      for (const phrase of phrases) {
        if (!phrase.text.trim()) continue;
        const utterance = makeUtterance(phrase.text);
        utterance.lang = LOCALES[phrase.lang];
        utterance.rate = 0.95;
        const voice = voiceFor(voices, phrase.lang);
        if (voice) utterance.voice = voice;
        const forget = () => live.delete(utterance);
        utterance.onend = forget;
        utterance.onerror = forget;
        live.add(utterance);
        // The engine queues utterances itself, so each phrase follows the previous one.
        engine.speak(utterance);
      }
    },
    stop() {
      engine.cancel();
      live.clear();
    },
  };
}

/** The browser's speech, or null where there is none (audio mode then cannot start). */
export function browserSpeaker(): Speaker | null {
  if (typeof window === "undefined" || !("speechSynthesis" in window)) return null;
  if (typeof SpeechSynthesisUtterance === "undefined") return null;
  return createSpeaker(window.speechSynthesis, (text) => new SpeechSynthesisUtterance(text));
}
