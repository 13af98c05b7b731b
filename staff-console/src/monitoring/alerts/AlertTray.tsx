import type { Service } from "@dost/shared";
import { useI18n } from "../../i18n/i18n.js";
import { FailureAlert } from "../../desk/FailureAlert.js";
import { formatTimeOfDay } from "../figures.js";
import { alertDetail, alertTitle, suggestionText } from "./alert-text.js";
import { beep } from "./beep.js";
import { useAlerts } from "./useAlerts.js";
import "./alerts.css";

/**
 * The centre's open alerts, newest first, each with what to do about it. New ones chime (unless
 * muted) and are announced; the list itself is not a live region, so a screen reader hears each
 * new alert once rather than the whole tray again.
 */
export function AlertTray({
  centreId,
  services,
  timeZone,
  subscribe,
  sound = beep,
}: {
  centreId: string;
  services: Service[];
  timeZone: string;
  subscribe: boolean;
  /** The chime; a test passes a spy. */
  sound?: () => void;
}) {
  const words = useI18n();
  const { t, language } = words;
  const { alerts, latest, failure, muted, setMuted } = useAlerts(centreId, subscribe, sound);
  return (
    <section className="panel alert-tray" aria-labelledby="alert-tray-title">
      <div className="alert-tray-head">
        <h2 id="alert-tray-title">
          {t.alerts.title} <span className="alert-count">{t.alerts.count({ count: alerts.length })}</span>
        </h2>
        <button type="button" className="button" aria-pressed={muted} onClick={() => setMuted(!muted)}>
          {t.alerts.mute}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {latest ? t.alerts.announce({ title: alertTitle(words, services, latest) }) : ""}
      </p>
      <FailureAlert failure={failure} />
      {alerts.length === 0 ? (
        <p className="muted">{t.alerts.none}</p>
      ) : (
        <ul className="alert-list">
          {alerts.map((alert) => (
            <li key={alert.id} className={`alert-item ${alert.severity}`} data-kind={alert.kind}>
              <p className="alert-title">
                <span className="alert-severity">{t.alerts.severity[alert.severity]}</span>{" "}
                {alertTitle(words, services, alert)}
              </p>
              <p className="alert-detail">{alertDetail(words, services, alert)}</p>
              {alert.suggestion && (
                <p className="alert-suggestion">
                  <strong>{t.alerts.suggestion}</strong> {suggestionText(words, services, alert.suggestion)}
                </p>
              )}
              <p className="muted small">
                {t.alerts.raisedAt({ time: formatTimeOfDay(alert.raisedAt, language, timeZone) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
