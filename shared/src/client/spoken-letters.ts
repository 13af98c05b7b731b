import type { Language } from "../api/common.js";

// A lone Latin letter is read unpredictably (a Russian voice may skip it, an Azerbaijani one read
// "B" as English "bee"), so prefixes are spelt as each language names its letters. The kiosk's
// audio mode and the display's announcer say a code the same way, so the hall hears what the
// kiosk read out.
// prettier-ignore
export const LETTER_NAMES: Record<Language, Readonly<Record<string, string>>> = {
  az: {
    A: "a", B: "be", C: "ce", D: "de", E: "e", F: "fe", G: "ge", H: "he", I: "ı", J: "je", K: "ka",
    L: "el", M: "em", N: "en", O: "o", P: "pe", Q: "qe", R: "er", S: "es", T: "te", U: "u", V: "ve",
    W: "dubl ve", X: "xa", Y: "ye", Z: "ze",
  },
  ru: {
    A: "а", B: "бэ", C: "цэ", D: "дэ", E: "е", F: "эф", G: "гэ", H: "аш", I: "и", J: "жи", K: "ка",
    L: "эль", M: "эм", N: "эн", O: "о", P: "пэ", Q: "кю", R: "эр", S: "эс", T: "тэ", U: "у", V: "вэ",
    W: "дубль-вэ", X: "икс", Y: "игрек", Z: "зэт",
  },
  // An English voice reads a capital letter by its name.
  en: {},
};

/**
 * "B042" (or "B-042") is spoken as the letter's name and then the number ("be, 42"): the hall
 * recognises its ticket by the number, and leading zeros only add syllables. Anything else is
 * spelt out character by character.
 */
export function spokenCode(code: string, lang: Language): string {
  const match = /^([A-Za-z]+)-?(\d+)$/.exec(code.trim());
  if (!match) return code.split("").join(" ");
  const letters = (match[1] ?? "")
    .toUpperCase()
    .split("")
    .map((letter) => LETTER_NAMES[lang][letter] ?? letter)
    .join(" ");
  return `${letters}, ${Number(match[2])}`;
}
