import type { Language } from "@dost/shared";
import { createContext, useContext, useLayoutEffect, useMemo, type ReactNode } from "react";
import { az } from "./az.js";
import { en } from "./en.js";
import type { Messages } from "./messages.js";
import { ru } from "./ru.js";

/** The kiosk's languages in the order of the switch; Azerbaijani first and the default. */
export const KIOSK_LANGUAGES: readonly Language[] = ["az", "ru", "en"];
export const DEFAULT_LANGUAGE: Language = "az";

export const DICTIONARIES: Record<Language, Messages> = { az, ru, en };

/** Locales for numbers, dates and times; en-GB writes day before month, as Azerbaijan does. */
export const LOCALES: Record<Language, string> = { az: "az-AZ", ru: "ru-RU", en: "en-GB" };

export interface I18n {
  language: Language;
  t: Messages;
  locale: string;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * Holds the chosen language for a screen tree. It is controlled by its owner because the kiosk
 * returns to Azerbaijani for every new visitor, and the status page starts in the ticket's language.
 */
export function I18nProvider(props: {
  language: Language;
  onLanguageChange(language: Language): void;
  /** The document's title for this page, when it is not the app's own (the booking pages). */
  title?: (t: Messages) => string;
  children: ReactNode;
}) {
  const { language, onLanguageChange, title, children } = props;
  const value = useMemo<I18n>(
    () => ({
      language,
      t: DICTIONARIES[language],
      locale: LOCALES[language],
      setLanguage: onLanguageChange,
    }),
    [language, onLanguageChange],
  );

  // Screen readers pick their voice from the document's language: set in the same commit as the
  // words, so no text of one language is ever read under the other's tag.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    document.title = title ? title(DICTIONARIES[language]) : DICTIONARIES[language].appTitle;
  }, [language, title]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n needs an I18nProvider above it");
  return i18n;
}

export function isKioskLanguage(value: unknown): value is Language {
  return typeof value === "string" && (KIOSK_LANGUAGES as readonly string[]).includes(value);
}
