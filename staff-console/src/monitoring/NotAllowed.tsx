import { useI18n } from "../i18n/i18n.js";

/** Said plainly, instead of an empty screen or a raw 403, to someone whose role has no monitoring. */
export function NotAllowed() {
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow">
      <h1>{t.monitoring.notAllowedTitle}</h1>
      <p className="banner" role="alert">
        {t.monitoring.notAllowed}
      </p>
      <p>
        <a href="/console/">{t.monitoring.back}</a>
      </p>
    </main>
  );
}
