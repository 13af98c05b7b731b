import type { Language, Report, ReportFigures, ReportGroup } from "@dost/shared";
import { useI18n, type I18n, type Label } from "../../i18n/i18n.js";
import {
  formatCount,
  formatDay,
  formatMinutes,
  formatPercent,
  formatSeconds,
  priorityLabel,
} from "../figures.js";
import { ScrollRegion } from "../ScrollRegion.js";

type Figure = keyof Omit<ReportFigures, "waitBins">;

/** Every figure of the report, in the order a manager reads them: flow, then waits, then appointments, then satisfaction. */
const FIGURES: { key: Figure; label: Label; kind: "count" | "seconds" | "percent" | "minutes" }[] = [
  { key: "issued", label: (t) => t.report.col.issued, kind: "count" },
  { key: "called", label: (t) => t.report.col.called, kind: "count" },
  { key: "served", label: (t) => t.report.col.served, kind: "count" },
  { key: "noShows", label: (t) => t.report.col.noShows, kind: "count" },
  { key: "cancelled", label: (t) => t.report.col.cancelled, kind: "count" },
  { key: "expired", label: (t) => t.report.col.expired, kind: "count" },
  { key: "averageWaitSeconds", label: (t) => t.report.col.averageWait, kind: "seconds" },
  { key: "medianWaitSeconds", label: (t) => t.report.col.medianWait, kind: "seconds" },
  { key: "p90WaitSeconds", label: (t) => t.report.col.p90Wait, kind: "seconds" },
  { key: "averageServiceSeconds", label: (t) => t.report.col.averageService, kind: "seconds" },
  { key: "slaPercent", label: (t) => t.report.col.sla, kind: "percent" },
  { key: "appointmentsKept", label: (t) => t.report.col.appointmentsKept, kind: "count" },
  { key: "appointmentsMissed", label: (t) => t.report.col.appointmentsMissed, kind: "count" },
  { key: "satisfactionPercent", label: (t) => t.report.col.satisfaction, kind: "percent" },
  { key: "feedbackCount", label: (t) => t.report.col.feedbackCount, kind: "count" },
  { key: "quotedCount", label: (t) => t.report.col.quotedCount, kind: "count" },
  { key: "insideBandPercent", label: (t) => t.report.col.insideBand, kind: "percent" },
  { key: "medianAbsoluteErrorMinutes", label: (t) => t.report.col.medianError, kind: "minutes" },
  { key: "underEstimatedPercent", label: (t) => t.report.col.underEstimated, kind: "percent" },
];

export const GROUP_LABELS: Record<ReportGroup, Label> = {
  day: (t) => t.report.group.day,
  hour: (t) => t.report.group.hour,
  service: (t) => t.report.group.service,
  counter: (t) => t.report.group.counter,
  staff: (t) => t.report.group.staff,
  priority: (t) => t.report.group.priority,
};

function show(
  figures: ReportFigures,
  figure: (typeof FIGURES)[number],
  t: I18n["t"],
  language: Language,
): string {
  const value = figures[figure.key];
  if (figure.kind === "seconds") return formatSeconds(value);
  if (figure.kind === "minutes") return formatMinutes(value, t, language);
  if (figure.kind === "percent") return formatPercent(value, language);
  return value === null ? formatSeconds(null) : formatCount(value, language);
}

/** A row's name: days and priority groups in the reader's language; the server's label for the rest. */
export function rowLabel(
  report: Report,
  row: Report["rows"][number],
  t: I18n["t"],
  language: Language,
): string {
  if (report.groupBy === "day") return formatDay(row.label, language);
  if (report.groupBy === "priority") return priorityLabel(row.key, t);
  return row.label;
}

/** The report as a table: one row per group, a total row, times as minutes:seconds. */
export function ReportTable({ report, caption }: { report: Report; caption: string }) {
  const { t, language } = useI18n();
  return (
    <ScrollRegion label={caption}>
      <table className="grid report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{GROUP_LABELS[report.groupBy](t)}</th>
            {FIGURES.map((f) => (
              <th key={f.key} scope="col" className="num">
                {f.label(t)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.length === 0 && (
            <tr>
              <td colSpan={FIGURES.length + 1} className="muted">
                {t.report.noRows}
              </td>
            </tr>
          )}
          {report.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{rowLabel(report, row, t, language)}</th>
              {FIGURES.map((f) => (
                <td key={f.key} className="num timer">
                  {show(row, f, t, language)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="totals">
            <th scope="row">{t.report.total}</th>
            {FIGURES.map((f) => (
              <td key={f.key} className="num timer" data-figure={f.key}>
                {show(report.totals, f, t, language)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
