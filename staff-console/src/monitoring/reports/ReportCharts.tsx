import { WAIT_BIN_EDGES_MINUTES, type Report } from "@dost/shared";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n, type I18n } from "../../i18n/i18n.js";
import { ChartFigure } from "../charts/ChartFigure.js";
import { CHART, CHART_HEIGHT } from "../charts/palette.js";
import { formatCount, formatSeconds, toMinutes } from "../figures.js";
import type { ReportSet } from "./useReport.js";
import { rowLabel } from "./ReportTable.js";

const MARGIN = { top: 8, right: 8, bottom: 0, left: -16 };

/** "10–15 min"; the last bin has no upper edge: "180+ min". */
export function binLabel(index: number, t: I18n["t"]): string {
  const from = WAIT_BIN_EDGES_MINUTES[index] ?? 0;
  const to = WAIT_BIN_EDGES_MINUTES[index + 1];
  return to === undefined ? t.report.binLast({ from }) : t.report.bin({ from, to });
}

/** Waits through the day, arrivals against served, and how waits spread over the bins. */
export function ReportCharts({ set }: { set: ReportSet }) {
  const { t, language } = useI18n();
  const count = (n: number) => formatCount(n, language);
  const waitName = `${t.chart.averageWait} (${t.chart.minutes})`;
  const p90Name = `${t.chart.p90Wait} (${t.chart.minutes})`;

  const hours = set.byHour.rows.map((r) => ({
    label: r.label,
    average: toMinutes(r.averageWaitSeconds),
    p90: toMinutes(r.p90WaitSeconds),
    row: r,
  }));
  const slowest = set.byHour.rows.reduce<Report["rows"][number] | null>(
    (top, r) =>
      r.averageWaitSeconds !== null && (!top || r.averageWaitSeconds > (top.averageWaitSeconds ?? -1))
        ? r
        : top,
    null,
  );

  const trend = set.trend.rows.map((r) => ({
    label: rowLabel(set.trend, r, t, language),
    issued: r.issued,
    served: r.served,
  }));
  const busiest = trend.reduce<(typeof trend)[number] | null>(
    (top, r) => (!top || r.issued > top.issued ? r : top),
    null,
  );

  const flowTitle = set.trend.groupBy === "hour" ? t.report.chart.flowByHour : t.report.chart.flowByDay;
  const totals = set.main.totals;
  const bins = totals.waitBins.map((n, i) => ({ label: binLabel(i, t), count: n }));
  const measured = totals.waitBins.reduce((a, b) => a + b, 0);

  return (
    <div className="charts report-charts">
      <ChartFigure
        title={t.report.chart.waitByHour}
        summary={
          slowest
            ? t.report.chart.waitByHourSummary({
                hour: slowest.label,
                average: formatSeconds(slowest.averageWaitSeconds),
                p90: formatSeconds(slowest.p90WaitSeconds),
              })
            : t.chart.empty
        }
        table={{
          columns: [t.chart.hour, t.chart.averageWait, t.chart.p90Wait],
          rows: set.byHour.rows.map((r) => ({
            key: r.key,
            cells: [r.label, formatSeconds(r.averageWaitSeconds), formatSeconds(r.p90WaitSeconds)],
          })),
        }}
      >
        <LineChart
          responsive
          data={hours}
          style={{ width: "100%", height: CHART_HEIGHT }}
          margin={MARGIN}
          title={t.report.chart.waitByHour}
        >
          <CartesianGrid stroke={CHART.grid} vertical={false} />
          <XAxis dataKey="label" stroke={CHART.axis} fontSize={12} />
          <YAxis stroke={CHART.axis} fontSize={12} />
          <Tooltip />
          <Legend />
          <Line
            dataKey="average"
            name={waitName}
            stroke={CHART.average}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="p90"
            name={p90Name}
            stroke={CHART.p90}
            strokeWidth={2}
            strokeDasharray="6 3"
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFigure>

      <ChartFigure
        title={flowTitle}
        summary={
          busiest
            ? t.report.chart.flowSummary({
                issued: count(set.trend.totals.issued),
                served: count(set.trend.totals.served),
                busiest: busiest.label,
                peak: count(busiest.issued),
              })
            : t.chart.empty
        }
        table={{
          columns: [
            set.trend.groupBy === "hour" ? t.chart.hour : t.chart.day,
            t.chart.issued,
            t.chart.served,
          ],
          rows: trend.map((r) => ({ key: r.label, cells: [r.label, count(r.issued), count(r.served)] })),
        }}
      >
        <BarChart
          responsive
          data={trend}
          style={{ width: "100%", height: CHART_HEIGHT }}
          margin={MARGIN}
          title={flowTitle}
        >
          <CartesianGrid stroke={CHART.grid} vertical={false} />
          <XAxis dataKey="label" stroke={CHART.axis} fontSize={12} />
          <YAxis allowDecimals={false} stroke={CHART.axis} fontSize={12} />
          <Tooltip />
          <Legend />
          <Bar dataKey="issued" name={t.chart.issued} fill={CHART.issued} isAnimationActive={false} />
          <Bar dataKey="served" name={t.chart.served} fill={CHART.served} isAnimationActive={false} />
        </BarChart>
      </ChartFigure>

      <ChartFigure
        title={t.report.chart.distribution}
        summary={
          measured > 0
            ? t.report.chart.distributionSummary({
                count: count(measured),
                median: formatSeconds(totals.medianWaitSeconds),
                p90: formatSeconds(totals.p90WaitSeconds),
              })
            : t.chart.empty
        }
        table={{
          columns: [t.chart.waitBin, t.chart.visitors],
          rows: measured > 0 ? bins.map((b) => ({ key: b.label, cells: [b.label, count(b.count)] })) : [],
        }}
      >
        <BarChart
          responsive
          data={bins}
          style={{ width: "100%", height: CHART_HEIGHT }}
          margin={MARGIN}
          title={t.report.chart.distribution}
        >
          <CartesianGrid stroke={CHART.grid} vertical={false} />
          <XAxis
            dataKey="label"
            stroke={CHART.axis}
            fontSize={11}
            interval={0}
            angle={-30}
            textAnchor="end"
            height={50}
          />
          <YAxis allowDecimals={false} stroke={CHART.axis} fontSize={12} />
          <Tooltip />
          <Bar dataKey="count" name={t.chart.visitors} fill={CHART.bins} isAnimationActive={false} />
        </BarChart>
      </ChartFigure>
    </div>
  );
}
