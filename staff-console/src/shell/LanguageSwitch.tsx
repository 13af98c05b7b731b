import { LANGUAGES, type Language } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";

/** Each language also named in itself, for screen readers: "EN (English)". */
const NATIVE: Record<Language, string> = { az: "Azərbaycanca", ru: "Русский", en: "English" };

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t.language.switch}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="button small subtle"
          aria-pressed={code === language}
          onClick={() => setLanguage(code)}
        >
          {code.toUpperCase()}
          <span className="visually-hidden"> ({NATIVE[code]})</span>
        </button>
      ))}
    </div>
  );
}
