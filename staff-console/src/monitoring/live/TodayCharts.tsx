import type { LiveStats } from "@dost/shared";
import { memo } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../i18n/i18n.js";
import { ChartFigure } from "../charts/ChartFigure.js";
import { fillHours, hourLabel } from "../charts/hours.js";
import { CHART, CHART_HEIGHT } from "../charts/palette.js";
import { formatCount, formatSeconds, toMinutes } from "../figures.js";

type Hour = LiveStats["hours"][number];

/**
 * Today by the hour: arrivals against those served, and how long people waited. Memoised: the
 * dashboard ticks every second for its timers, the charts change only with a fetch.
 */
export const TodayCharts = memo(function TodayCharts({ hours }: { hours: Hour[] }) {
  const { t, language } = useI18n();
  const filled = fillHours(hours, (hour) => ({ hour, issued: 0, served: 0, averageWaitSeconds: null }));
  const data = filled.map((h) => ({
    ...h,
    label: hourLabel(h.hour),
    waitMinutes: toMinutes(h.averageWaitSeconds),
  }));
  const issued = filled.reduce((sum, h) => sum + h.issued, 0);
  const served = filled.reduce((sum, h) => sum + h.served, 0);
  const busiest = filled.reduce<Hour | null>((top, h) => (!top || h.issued > top.issued ? h : top), null);
  const slowest = filled.reduce<Hour | null>(
    (top, h) =>
      h.averageWaitSeconds !== null && (!top || h.averageWaitSeconds > (top.averageWaitSeconds ?? -1))
        ? h
        : top,
    null,
  );
  const issuedName = t.chart.issued;
  const servedName = t.chart.served;
  const waitName = t.chart.averageWait;

  return (
    <div className="charts">
      <ChartFigure
        title={t.live.chart.arrivals}
        summary={
          busiest
            ? t.live.chart.arrivalsSummary({
                issued: formatCount(issued, language),
                served: formatCount(served, language),
                hour: hourLabel(busiest.hour),
                peak: formatCount(busiest.issued, language),
              })
            : t.chart.empty
        }
        table={{
          columns: [t.chart.hour, issuedName, servedName],
          rows: filled.map((h) => ({
            key: String(h.hour),
            cells: [hourLabel(h.hour), formatCount(h.issued, language), formatCount(h.served, language)],
          })),
        }}
      >
        <BarChart
          responsive
          data={data}
          style={{ width: "100%", height: CHART_HEIGHT }}
          title={t.live.chart.arrivals}
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid stroke={CHART.grid} vertical={false} />
          <XAxis dataKey="label" stroke={CHART.axis} fontSize={12} />
          <YAxis allowDecimals={false} stroke={CHART.axis} fontSize={12} />
          <Tooltip />
          <Legend />
          <Bar dataKey="issued" name={issuedName} fill={CHART.issued} isAnimationActive={false} />
          <Bar dataKey="served" name={servedName} fill={CHART.served} isAnimationActive={false} />
        </BarChart>
      </ChartFigure>
      <ChartFigure
        title={t.live.chart.wait}
        summary={
          slowest
            ? t.live.chart.waitSummary({
                hour: hourLabel(slowest.hour),
                wait: formatSeconds(slowest.averageWaitSeconds),
              })
            : t.chart.empty
        }
        table={{
          columns: [t.chart.hour, waitName],
          rows: filled.map((h) => ({
            key: String(h.hour),
            cells: [hourLabel(h.hour), formatSeconds(h.averageWaitSeconds)],
          })),
        }}
      >
        <LineChart
          responsive
          data={data}
          style={{ width: "100%", height: CHART_HEIGHT }}
          title={t.live.chart.wait}
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid stroke={CHART.grid} vertical={false} />
          <XAxis dataKey="label" stroke={CHART.axis} fontSize={12} />
          <YAxis stroke={CHART.axis} fontSize={12} />
          <Tooltip />
          <Legend />
          <Line
            dataKey="waitMinutes"
            name={`${waitName} (${t.chart.minutes})`}
            stroke={CHART.average}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFigure>
    </div>
  );
});
