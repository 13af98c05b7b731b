import type { Language } from "@dost/shared";

export interface CallToAnnounce {
  code: string;
  counterLabel: string;
  recall: boolean;
}

// A lone Latin letter is read unpredictably (a Russian voice may skip it, an Azerbaijani one may
// read "B" as English "bee"), so prefixes are spelt as each language names its letters.
// prettier-ignore
const LETTER_NAMES: Record<Language, Record<string, string>> = {
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
 * "B042" is spoken as the letter's name and then the number ("be, 42"): the hall recognises its
 * ticket by the number, and leading zeros only add syllables. Anything else is spelt out.
 */
export function spokenCode(code: string, lang: Language): string {
  const match = /^([A-Za-z]+)(\d+)$/.exec(code.trim());
  if (!match) return code.split("").join(" ");
  const letters = (match[1] ?? "")
    .toUpperCase()
    .split("")
    .map((letter) => LETTER_NAMES[lang][letter] ?? letter)
    .join(" ");
  return `${letters}, ${Number(match[2])}`;
}

// A full stop between the code and the counter gives the pause that keeps "42" and "5" apart.
const PHRASES: Record<Language, (code: string, counter: string, recall: boolean) => string> = {
  az: (code, counter, recall) =>
    `${recall ? "Təkrar. " : ""}Bilet ${code}. ${counter} nömrəli masaya yaxınlaşın.`,
  ru: (code, counter, recall) => `${recall ? "Повторно. " : ""}Талон ${code}. Пройдите к окну ${counter}.`,
  en: (code, counter, recall) => `${recall ? "Again. " : ""}Ticket ${code}. Please go to counter ${counter}.`,
};

export function announcementText(call: CallToAnnounce, lang: Language): string {
  return PHRASES[lang](spokenCode(call.code, lang), call.counterLabel, call.recall);
}
