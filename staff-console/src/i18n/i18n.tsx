import { LANGUAGES, type Language, type LocalizedText } from "@dost/shared";
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { az } from "./az.js";
import { en, type MessageKey, type Messages } from "./en.js";
import { ru } from "./ru.js";

export type { MessageKey } from "./en.js";

export const DICTIONARIES: Record<Language, Messages> = { az, ru, en };

const STORAGE_KEY = "dost.console.language";

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = DICTIONARIES[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.find((l) => l === value) ?? "az";
  } catch {
    return "az";
  }
}

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: Params): string;
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
      t: (key, params) => translate(language, key, params),
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
