import { DICTIONARIES, KIOSK_LANGUAGES, useI18n } from "../i18n/i18n.js";

/**
 * Always on screen. Each language is named in itself ("Русский", not "Russian"), so a visitor who
 * cannot read the current language still finds their own; `lang` lets a screen reader say it right.
 */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <nav className="language-switch" aria-label={t.languageSwitchLabel}>
      <ul>
        {KIOSK_LANGUAGES.map((code) => (
          <li key={code}>
            <button
              type="button"
              lang={code}
              aria-pressed={code === language}
              onClick={() => setLanguage(code)}
            >
              {DICTIONARIES[code].languageName}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
