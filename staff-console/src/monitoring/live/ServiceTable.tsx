import type { LiveStats, Service } from "@dost/shared";
import { useI18n } from "../../i18n/i18n.js";
import { formatDuration } from "../../ui/format.js";
import { NO_FIGURE, formatCount, formatPercent, formatSeconds } from "../figures.js";
import { ScrollRegion } from "../ScrollRegion.js";

type ServiceFigures = LiveStats["services"][number];

export interface ServiceRow {
  figures: ServiceFigures;
  service: Service | undefined;
  /** The longest wait now: the server's figure, counted on since it was taken. */
  longestMs: number;
  overTarget: boolean;
}

/**
 * The longest wait keeps growing between fetches while someone waits, so it is counted on from the
 * moment the server measured it, and a service is flagged the second it passes its target rather
 * than at the next event.
 */
export function serviceRows(stats: LiveStats, services: Service[], now: number): ServiceRow[] {
  const measuredAgo = Math.max(0, now - Date.parse(stats.generatedAt));
  return stats.services.map((figures) => {
    const longestMs = figures.waiting > 0 ? figures.longestWaitSeconds * 1000 + measuredAgo : 0;
    return {
      figures,
      service: services.find((s) => s.id === figures.serviceId),
      longestMs,
      overTarget: figures.overTarget || longestMs > figures.targetWaitMinutes * 60_000,
    };
  });
}

/** Per service: the queue now against its target, and today so far. */
export function ServiceTable({ rows }: { rows: ServiceRow[] }) {
  const { t, local, language } = useI18n();
  const late = rows.filter((r) => r.overTarget);

  return (
    <section className="panel" aria-labelledby="live-services">
      <h2 id="live-services">{t.live.services}</h2>
      <p className={late.length > 0 ? "late-summary" : "muted small"} role="status">
        {late.length > 0 ? (
          <>
            <span aria-hidden="true">⚠ </span>
            {t.live.overTargetCount({ count: late.length })}
          </>
        ) : (
          t.live.allWithinTarget
        )}
      </p>
      <ScrollRegion label={t.live.services}>
        <table className="grid">
          <caption className="visually-hidden">{t.live.services}</caption>
          <thead>
            <tr>
              <th scope="col">{t.live.service}</th>
              <th scope="col" className="num">
                {t.live.waiting}
              </th>
              <th scope="col" className="num">
                {t.live.longest}
              </th>
              <th scope="col" className="num">
                {t.live.averageToday}
              </th>
              <th scope="col" className="num">
                {t.live.servedToday}
              </th>
              <th scope="col" className="num">
                {t.live.sla}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ figures, service, longestMs, overTarget }) => (
              <tr
                key={figures.serviceId}
                className={overTarget ? "late" : undefined}
                data-service={service?.code ?? figures.serviceId}
              >
                <th scope="row">
                  {service && <span className="prefix">{service.prefix}</span>}{" "}
                  {service ? local(service.name) : NO_FIGURE}
                  <span className="muted small target">
                    {" "}
                    {t.live.target({ minutes: figures.targetWaitMinutes })}
                  </span>
                </th>
                <td className="num" data-testid="waiting">
                  {formatCount(figures.waiting, language)}
                </td>
                <td className="num timer">
                  {figures.waiting > 0 ? formatDuration(longestMs) : NO_FIGURE}
                  {overTarget && (
                    <span className="late-flag">
                      <span aria-hidden="true">⚠ </span>
                      {t.queue.overTarget({ minutes: figures.targetWaitMinutes })}
                    </span>
                  )}
                </td>
                <td className="num timer">{formatSeconds(figures.averageWaitSecondsToday)}</td>
                <td className="num">{formatCount(figures.servedToday, language)}</td>
                <td className="num">{formatPercent(figures.slaPercentToday, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
