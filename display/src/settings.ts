import { LANGUAGES, type Language } from "@dost/shared";

/** What the address bar tells this display; see README.md for each parameter. */
export interface DisplaySettings {
  /** A device key being paired; it is remembered and then dropped from the address bar. */
  key: string | null;
  /** Show only the calls of counters in this zone (BAKU-1's floors, for example). */
  zone: string | null;
  /** Languages of the spoken announcement, in the order they are spoken. */
  langs: Language[];
  /** Language of the screen's own words. */
  lang: Language;
}

export const DEFAULT_LANGUAGE: Language = "az";

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function readSettings(search: string): DisplaySettings {
  const params = new URLSearchParams(search);
  const lang = params.get("lang")?.trim().toLowerCase() ?? "";
  const langs = (params.get("langs") ?? "")
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter(isLanguage);
  return {
    key: nonEmpty(params.get("key")),
    zone: nonEmpty(params.get("zone")),
    // Unknown or missing languages fall back to all three, Azerbaijani first, so a typo in the
    // address never leaves the hall silent.
    langs: langs.length > 0 ? [...new Set(langs)] : [...LANGUAGES],
    lang: isLanguage(lang) ? lang : DEFAULT_LANGUAGE,
  };
}
