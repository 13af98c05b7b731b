import { useI18n } from "../i18n/i18n.js";

/** Monitoring is its own issue; until it lands this page says so plainly instead of pretending. */
export function MonitoringPlaceholder() {
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow">
      <h1>{t("monitoring.title")}</h1>
      <p className="banner">{t("monitoring.coming")}</p>
      <p>
        <a href="/console/">{t("monitoring.back")}</a>
      </p>
    </main>
  );
}
