import type { LiveStats, Service } from "@dost/shared";
import { useI18n } from "../../i18n/i18n.js";
import { formatTimeOfDay } from "../figures.js";
import { useNow } from "../../ui/useNow.js";
import { CounterTable } from "./CounterTable.js";
import { AccuracyPanel, FairnessPanel } from "./FairnessPanels.js";
import { ServiceTable, serviceRows } from "./ServiceTable.js";
import { TodayCharts } from "./TodayCharts.js";

/**
 * A centre right now: queues against their targets beside today's charts, then every counter.
 * It draws what it is given; `LiveScreen` keeps that true.
 */
export function LiveDashboard({
  stats,
  services,
  timeZone,
}: {
  stats: LiveStats;
  services: Service[];
  timeZone: string;
}) {
  const { t, language } = useI18n();
  // One clock for the whole screen, so every timer ticks together.
  const now = useNow();
  return (
    <>
      <p className="muted small updated">
        {t.live.updated({ time: formatTimeOfDay(stats.generatedAt, language, timeZone) })}
      </p>
      <div className="monitor-grid">
        <ServiceTable rows={serviceRows(stats, services, now)} />
        <section className="panel" aria-labelledby="live-today">
          <h2 id="live-today">{t.live.today}</h2>
          <TodayCharts hours={stats.hours} />
        </section>
      </div>
      <div className="monitor-grid">
        <AccuracyPanel accuracy={stats.accuracyToday} />
        <FairnessPanel fairness={stats.fairnessToday} />
      </div>
      <CounterTable stats={stats} now={now} />
    </>
  );
}
