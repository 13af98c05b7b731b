import type { Language, LocalizedText } from "@dost/shared";
import { chooseLanguage, nestDictionary, type Nested, type TextParam } from "@dost/shared/client";
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { az } from "./az.js";
import { en, type Messages } from "./en.js";
import { ru } from "./ru.js";

/** The dictionaries as written: flat `"section.key"` entries, the same keys in each (tsc checks). */
export const DICTIONARIES: Record<Language, Messages> = { az, ru, en };

/** What components read: `t.section.key`, and `t.section.key({ name })` for `{name}` placeholders. */
export type Texts = Nested<typeof en>;

export const TEXTS: Record<Language, Texts> = {
  az: nestDictionary(az, en),
  ru: nestDictionary(ru, en),
  en: nestDictionary(en, en),
};

/** A text chosen by data (an action's label, a state's name): it reads it from the texts. */
export type Label = (t: Texts) => string;
/** The same for a text with `{placeholders}`. */
export type LabelWith<Name extends string> = (
  t: Texts,
) => (params: Readonly<Record<Name, TextParam>>) => string;

const STORAGE_KEY = "dost.console.language";

function storedLanguage(): Language {
  try {
    return chooseLanguage(localStorage.getItem(STORAGE_KEY), "az");
  } catch {
    return "az";
  }
}

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Texts;
  /** A name the server gives in all three languages. */
  local(text: LocalizedText): string;
}

const I18nContext = createContext<I18n | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // A locked-down browser without storage still switches for this visit.
    }
  }, []);

  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: TEXTS[language],
      local: (text) => text[language],
    }),
    [language, setLanguage],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = use(I18nContext);
  if (!value) throw new Error("useI18n outside LanguageProvider");
  return value;
}
