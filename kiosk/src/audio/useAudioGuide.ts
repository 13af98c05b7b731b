import { useEffect, useEffectEvent, useRef } from "react";
import { DICTIONARIES, KIOSK_LANGUAGES, useI18n } from "../i18n/i18n.js";
import type { Visit } from "../kiosk/visit.js";
import { useAudioMode } from "./AudioMode.js";
import { audioOptions, optionSpeech, stepOption } from "./options.js";
import { screenKey, screenSpeech, type ScreenFacts } from "./spoken.js";
import type { Phrase } from "./speaker.js";

/**
 * The keypad key that starts audio mode (and, once on, repeats the screen): `*`, on the numeric
 * keypad or typed; F1 too, which the headphone jack of common kiosk keypads sends.
 */
export const AUDIO_KEYS: readonly string[] = ["*", "F1"];

const isCodeEntry = (visit: Visit) =>
  visit.step === "check-in" || visit.step === "checking-in" || visit.step === "check-in-failed";

/**
 * Audio mode for the kiosk flow: the audio key starts it; each screen is read when it appears,
 * arrows move the focus between its choices and each is read as it is reached, Enter chooses (the
 * focused button's own action), Escape or Backspace goes back, the audio key repeats.
 */
export function useAudioGuide(props: { visit: Visit; facts: Omit<ScreenFacts, "visit">; onBack(): void }) {
  const { visit, facts } = props;
  const { t, language } = useI18n();
  const { on, speaker, start, takeWelcome } = useAudioMode();
  // Focus the guide itself moves needs no words of its own: they are in what it is already saying.
  const quietFocus = useRef<Element | null>(null);
  const withLanguages = visit.step === "start";
  const intro = screenSpeech(t, language, { visit, ...facts });
  const ready = facts.serviceCount !== null || facts.closed || visit.step !== "start";
  const key = `${screenKey(visit)}|${language}|${ready}`;

  const focusQuietly = (element: HTMLElement | null) => {
    if (!element || document.activeElement === element) return;
    quietFocus.current = element;
    element.focus();
    quietFocus.current = null;
  };

  const readScreen = useEffectEvent((how: "welcome" | "appeared" | "again") => {
    if (!speaker) return;
    const phrases: Phrase[] = [];
    if (how === "welcome") {
      for (const lang of KIOSK_LANGUAGES) phrases.push({ text: DICTIONARIES[lang].audio.welcome, lang });
      const current = document.querySelector<HTMLElement>(".language-switch button[aria-pressed='true']");
      if (current) {
        focusQuietly(current);
        phrases.push(optionSpeech(current, language));
      }
    } else {
      phrases.push({ text: intro, lang: language });
      const focused = document.activeElement;
      if (how === "appeared") {
        // From the heading the down arrow reaches the first choice (a new screen's heading has
        // taken the focus already; a new language keeps the screen, so it is taken here).
        focusQuietly(document.querySelector<HTMLElement>("main h1"));
      } else if (focused instanceof HTMLButtonElement) {
        phrases.push(optionSpeech(focused, language));
      }
    }
    speaker.say(phrases);
  });

  useEffect(() => {
    if (on) readScreen(takeWelcome() ? "welcome" : "appeared");
  }, [on, key, takeWelcome]);

  const sayOption = useEffectEvent((option: Element) => {
    speaker?.say([optionSpeech(option, language)]);
  });

  useEffect(() => {
    if (!on) return;
    const onFocus = (event: FocusEvent) => {
      const target = event.target;
      if (target === quietFocus.current) return;
      if (target instanceof HTMLButtonElement) sayOption(target);
    };
    document.addEventListener("focusin", onFocus);
    return () => document.removeEventListener("focusin", onFocus);
  }, [on]);

  const back = useEffectEvent(props.onBack);
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const codeEntry = isCodeEntry(visit);
    if (!on) {
      if (AUDIO_KEYS.includes(event.key) && speaker && !codeEntry) {
        event.preventDefault();
        start();
      }
      return;
    }
    const focused = document.activeElement;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowRight":
      case "ArrowUp":
      case "ArrowLeft": {
        event.preventDefault();
        const direction = event.key === "ArrowDown" || event.key === "ArrowRight" ? 1 : -1;
        const next = stepOption(audioOptions(document, withLanguages), focused, direction);
        // A screen with a single choice: the arrow stays on it, and says it again.
        if (next && next === focused) sayOption(next);
        else next?.focus();
        return;
      }
      case "Escape":
        event.preventDefault();
        back();
        return;
      case "Backspace":
        // On the code entry Backspace erases a character.
        if (codeEntry) return;
        event.preventDefault();
        back();
        return;
      case "Enter":
        if (focused instanceof HTMLButtonElement) {
          // The visitor chose the language already in use: nothing changes, so say the screen.
          const chosenLanguage =
            focused.closest(".language-switch") && focused.getAttribute("lang") === language;
          if (chosenLanguage) {
            event.preventDefault();
            readScreen("appeared");
          }
          return;
        }
        event.preventDefault();
        readScreen("again");
        return;
      default:
        if (AUDIO_KEYS.includes(event.key) && !codeEntry) {
          event.preventDefault();
          readScreen("again");
        }
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}
