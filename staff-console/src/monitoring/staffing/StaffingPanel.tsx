import type { StaffingResponse } from "@dost/shared";
import { useEffect, useId, useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { ApiError, type FailureCode } from "@dost/shared/client";
import { serverNow } from "../../api/server-clock.js";
import { FailureAlert } from "../../desk/FailureAlert.js";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { ChartFigure } from "../charts/ChartFigure.js";
import { hourLabel } from "../charts/hours.js";
import { CHART, CHART_HEIGHT } from "../charts/palette.js";

/** The service day (YYYY-MM-DD) in the centre's timezone, by the server's clock. */
export function serviceDayIn(timeZone: string, at = serverNow()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(at));
}

/**
 * Counters needed (Erlang C on the forecast, as the server computes it) against counters open,
 * hour by hour, for today or a chosen day: where the hall will fall short before it does.
 */
export function StaffingPanel({ centreId, timeZone }: { centreId: string; timeZone: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [date, setDate] = useState(() => serviceDayIn(timeZone));
  const [loaded, setLoaded] = useState<{ key: string; staffing: StaffingResponse } | null>(null);
  const [failure, setFailure] = useState<FailureCode | null>(null);
  const key = `${centreId}:${date}`;

  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    let current = true;
    api.staffing(centreId, date).then(
      (staffing) => {
        if (!current) return;
        setLoaded({ key: `${centreId}:${date}`, staffing });
        setFailure(null);
      },
      (error: unknown) => current && setFailure(error instanceof ApiError ? error.code : "NETWORK"),
    );
    return () => {
      current = false;
    };
  }, [api, centreId, date]);

  const staffing = loaded?.key === key ? loaded.staffing : null;
  return (
    <section className="panel staffing" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.staffing.title}</h2>
      <p>
        <label htmlFor={`${id}-date`}>{t.staffing.date}</label>{" "}
        <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </p>
      <FailureAlert failure={failure} />
      {staffing ? <StaffingChart staffing={staffing} /> : !failure && <p aria-busy="true">{t.app.loading}</p>}
    </section>
  );
}

function StaffingChart({ staffing }: { staffing: StaffingResponse }) {
  const { t } = useI18n();
  const hours = staffing.hours;
  const short = hours.filter((h) => h.countersNeeded > h.countersOpen);
  const neededName = t.staffing.needed;
  const openName = t.staffing.open;
  const summary =
    hours.length === 0
      ? t.chart.empty
      : short.length === 0
        ? t.staffing.enough({ target: staffing.targetWaitMinutes, share: staffing.serviceLevelPercent })
        : t.staffing.short({
            hours: short.map((h) => hourLabel(h.hour)).join(", "),
            target: staffing.targetWaitMinutes,
            share: staffing.serviceLevelPercent,
          });
  return (
    <>
      <ChartFigure
        title={t.staffing.chart}
        summary={summary}
        table={{
          columns: [t.chart.hour, t.staffing.forecast, neededName, openName, t.staffing.withinTarget],
          rows: hours.map((h) => ({
            key: String(h.hour),
            cells: [
              hourLabel(h.hour),
              h.forecastArrivals.toFixed(1),
              String(h.countersNeeded),
              String(h.countersOpen),
              `${Math.round(h.withinTargetPercent)} %`,
            ],
          })),
        }}
      >
        <ComposedChart
          responsive
          data={hours.map((h) => ({ ...h, label: hourLabel(h.hour) }))}
          style={{ width: "100%", height: CHART_HEIGHT }}
          title={t.staffing.chart}
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid stroke={CHART.grid} vertical={false} />
          <XAxis dataKey="label" stroke={CHART.axis} fontSize={12} />
          <YAxis allowDecimals={false} stroke={CHART.axis} fontSize={12} />
          <Tooltip />
          <Legend />
          <Bar dataKey="countersOpen" name={openName} fill={CHART.served} isAnimationActive={false} />
          <Line
            dataKey="countersNeeded"
            name={neededName}
            stroke={CHART.p90}
            strokeWidth={2}
            type="stepAfter"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ChartFigure>
      <p className="muted small">
        {staffing.basedOn.length > 0
          ? t.staffing.basedOn({ dates: staffing.basedOn.join(", ") })
          : t.staffing.noHistory}
      </p>
    </>
  );
}
