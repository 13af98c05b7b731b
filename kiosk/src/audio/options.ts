import { isKioskLanguage } from "../i18n/i18n.js";
import type { Language } from "@dost/shared";

/**
 * The choices the arrows move between: the screen's enabled buttons in reading order and, where
 * a language may be chosen, the language switch first. Buttons marked `data-audio-skip` (the audio
 * mode's own button) are left out: in audio mode Escape on the start screen ends it.
 */
export function audioOptions(root: ParentNode, withLanguages: boolean): HTMLButtonElement[] {
  const selector = withLanguages ? ".language-switch button, main button" : "main button";
  return [...root.querySelectorAll<HTMLButtonElement>(selector)].filter(
    (button) =>
      !button.disabled && !button.hasAttribute("data-audio-skip") && !button.closest("[aria-hidden='true']"),
  );
}

/**
 * The option an arrow leads to from `current`: the next (or previous) one in document order, so
 * from the screen's heading the down arrow reaches the first choice below it; past the last, the
 * first again.
 */
export function stepOption(
  options: readonly HTMLElement[],
  current: Element | null,
  direction: 1 | -1,
): HTMLElement | null {
  if (options.length === 0) return null;
  const index = current ? options.indexOf(current as HTMLElement) : -1;
  if (index >= 0) return options[(index + direction + options.length) % options.length] ?? null;
  if (current) {
    const follows = (option: HTMLElement) =>
      (current.compareDocumentPosition(option) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    if (direction === 1) return options.find(follows) ?? options[0] ?? null;
    return [...options].reverse().find((option) => !follows(option)) ?? options[options.length - 1] ?? null;
  }
  return direction === 1 ? (options[0] ?? null) : (options[options.length - 1] ?? null);
}

/**
 * What an option says: its `data-speak` text when the screen wrote one for the ear, else its
 * accessible label or its words; in its own language when it is marked with one (the language
 * switch names each language in itself).
 */
export function optionSpeech(option: Element, fallback: Language): { text: string; lang: Language } {
  const text =
    option.getAttribute("data-speak") ??
    option.getAttribute("aria-label") ??
    (option.textContent ?? "").replace(/\s+/g, " ").trim();
  const lang = option.getAttribute("lang");
  return { text, lang: isKioskLanguage(lang) ? lang : fallback };
}
