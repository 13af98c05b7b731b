import { useI18n } from "../i18n/i18n.js";
import { MONITORING_PATHS, type MonitoringView } from "./routes.js";

/** The monitoring screens this role may open; the national view is the ministry's (admin, viewer). */
export function MonitoringNav({ view, national }: { view: MonitoringView; national: boolean }) {
  const { t } = useI18n();
  const views: MonitoringView[] = national ? ["live", "national", "reports"] : ["live", "reports"];
  return (
    <nav className="sub-nav" aria-label={t.monitoring.nav}>
      {views.map((v) => (
        <a key={v} href={MONITORING_PATHS[v]} aria-current={v === view ? "page" : undefined}>
          {t.monitoring.view[v]}
        </a>
      ))}
    </nav>
  );
}
